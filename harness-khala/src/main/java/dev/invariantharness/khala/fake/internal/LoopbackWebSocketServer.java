package dev.invariantharness.khala.fake.internal;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A Tyrus server container on a Grizzly listener bound to 127.0.0.1 on an ephemeral port,
 * serving WebSocket endpoints and plain HTTP on the same port.
 *
 * <p>Why not {@code org.glassfish.tyrus.server.Server}: its Grizzly container binds 0.0.0.0
 * whatever host it is given. This class does what Tyrus's {@code GrizzlyServerContainer} does,
 * on a loopback listener. {@link WebSocketAddOn} is public for exactly this use (TYRUS-317) but
 * its constructor is package-private, hence the one reflective call.
 */
public final class LoopbackWebSocketServer extends TyrusServerContainer {

  /**
   * Grizzly logs every listener start and stop at INFO; a test suite starting dozens of fake
   * servers would drown in it. Held here so the level sticks; only set when nobody configured it.
   */
  private static final Logger GRIZZLY_LOG = quiet("org.glassfish.grizzly");

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    if (logger.getLevel() == null) {
      logger.setLevel(Level.WARNING);
    }
    return logger;
  }

  private final WebSocketEngine engine;
  private final HttpServer http = new HttpServer();
  private final NetworkListener listener;
  private final String name;

  /**
   * @param name thread and listener name prefix
   * @param incomingBufferSize the largest message the server accepts, in bytes
   * @param workers worker threads
   */
  public LoopbackWebSocketServer(String name, int incomingBufferSize, int workers) {
    super((java.util.Set<Class<?>>) null);
    this.name = name;
    this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferSize).build();
    this.listener = new NetworkListener(name, "127.0.0.1", 0);
    listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
    listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
        .setPoolName(name + "-worker").setCorePoolSize(workers).setMaxPoolSize(workers));
    listener.getTransport().setSelectorRunnersCount(2);
    listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
    http.addListener(listener);
  }

  @Override
  public void register(Class<?> endpointClass) throws DeploymentException {
    engine.register(endpointClass, "/");
  }

  @Override
  public void register(ServerEndpointConfig config) throws DeploymentException {
    engine.register(config, "/");
  }

  @Override
  public java.util.Map<String, Object> getProperties() {
    return java.util.Map.of();
  }

  @Override
  public WebSocketEngine getWebSocketEngine() {
    return engine;
  }

  /** Deploys {@code endpoints}, routes every non-upgrade request to {@code httpHandler} and starts listening. */
  public void start(List<ServerEndpointConfig> endpoints, HttpHandler httpHandler, List<AddOn> before) throws IOException, DeploymentException {
    for (ServerEndpointConfig e : endpoints) {
      addEndpoint(e);
    }
    // add-ons registered first sit first in the chain, ahead of Tyrus's filter
    before.forEach(listener::registerAddOn);
    listener.registerAddOn(webSocketAddOn());
    http.getServerConfiguration().addHttpHandler(httpHandler, "/");
    http.getServerConfiguration().setName(name);
    http.getServerConfiguration().setJmxEnabled(false);
    http.start();
    super.start("/", listener.getPort());
    doneDeployment();
  }

  @Override
  public int getPort() {
    return listener.getPort();
  }

  /**
   * Stops listening at once (connections were closed by the caller; a graceful Grizzly shutdown
   * would wait for peers to hang up) and waits up to {@code millis} for the worker threads.
   */
  public void stop(long millis) {
    super.stop();
    http.shutdownNow();
    ExecutorService workers = listener.getTransport().getWorkerThreadPool();
    if (workers != null) {
      try {
        workers.awaitTermination(millis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void stop() {
    stop(2_000);
  }

  private AddOn webSocketAddOn() {
    try {
      Constructor<WebSocketAddOn> c = WebSocketAddOn.class.getDeclaredConstructor(org.glassfish.tyrus.spi.ServerContainer.class, String.class);
      c.setAccessible(true);
      return c.newInstance(this, "/");
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this Tyrus version's WebSocketAddOn cannot be created on a loopback listener", e);
    }
  }
}
