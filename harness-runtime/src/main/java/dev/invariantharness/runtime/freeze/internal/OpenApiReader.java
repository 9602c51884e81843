package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.freeze.OpenApiRoutes;
import dev.invariantharness.runtime.freeze.WriteRoute;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Reads an OpenAPI 3.x document into {@link OpenApiRoutes} with swagger-parser-v3. */
public final class OpenApiReader {

  private OpenApiReader() {}

  /** Parses {@code content}; errors name {@code name}. */
  public static OpenApiRoutes read(String name, String content, Map<String, String> pathParams) {
    String input = "OpenAPI document " + name;
    if (content == null || content.isBlank()) {
      throw new HarnessInputException(input, "is empty");
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result;
    try {
      result = new OpenAPIV3Parser().readContents(content, null, options);
    } catch (RuntimeException e) {
      throw new HarnessInputException(input, -1, "cannot be parsed: " + e.getMessage(), e);
    }
    List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
    OpenAPI api = result == null ? null : result.getOpenAPI();
    if (api == null || !messages.isEmpty()) {
      String problems = messages.isEmpty() ? "not an OpenAPI 3.x document" : String.join("; ", messages);
      if (content.stripLeading().startsWith("swagger:") || content.contains("\"swagger\"")) {
        problems += " (a Swagger 2.0 document: convert it to OpenAPI 3.x first)";
      }
      throw new HarnessInputException(input, "is not a valid OpenAPI 3.x document: " + problems);
    }
    if (api.getPaths() == null || api.getPaths().isEmpty()) {
      throw new HarnessInputException(input, "declares no paths, so there are no write routes to probe");
    }
    List<WriteRoute> writes = new ArrayList<>();
    List<String> reads = new ArrayList<>();
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      String template = e.getKey();
      PathItem item = e.getValue();
      Map<PathItem.HttpMethod, Operation> operations = item.readOperationsMap();
      for (Map.Entry<PathItem.HttpMethod, Operation> op : operations.entrySet()) {
        String method = op.getKey().name();
        List<Parameter> params = parameters(item, op.getValue());
        String path = fill(input, method + " " + template, template, params, pathParams);
        if (WriteRoute.WRITE_METHODS.contains(method)) {
          String body = body(op.getValue());
          writes.add(new WriteRoute(method, template, path, body));
        } else if (method.equals("GET")) {
          reads.add(path);
        }
      }
    }
    return new OpenApiRoutes(name, writes, reads);
  }

  private static List<Parameter> parameters(PathItem item, Operation op) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (List<Parameter> list : java.util.Arrays.asList(item.getParameters(), op.getParameters())) {
      if (list != null) {
        for (Parameter p : list) {
          if (p != null && p.getName() != null) {
            byKey.put(p.getIn() + ":" + p.getName(), p);
          }
        }
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private static String fill(String input, String route, String template, List<Parameter> params, Map<String, String> supplied) {
    Map<String, String> values = new LinkedHashMap<>();
    StringJoiner query = new StringJoiner("&");
    for (Parameter p : params) {
      String value = supplied.containsKey(p.getName()) ? supplied.get(p.getName()) : exampleOf(p);
      if ("path".equals(p.getIn())) {
        values.put(p.getName(), value == null ? WriteRoute.PLACEHOLDER : value);
      } else if ("query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired())) {
        String v = value == null ? RequestBodies.minimalText(p.getSchema()) : value;
        query.add(enc(p.getName()) + "=" + enc(v));
      }
    }
    String path = PathTemplates.fill(template, values);
    if (path.contains("{") || path.contains("}")) {
      throw new HarnessInputException(input, route + ": path template has unbalanced braces");
    }
    return query.length() == 0 ? path : path + "?" + query;
  }

  private static String exampleOf(Parameter p) {
    Object v = p.getExample() != null ? p.getExample()
        : p.getSchema() != null && p.getSchema().getExample() != null ? p.getSchema().getExample()
        : p.getSchema() != null ? p.getSchema().getDefault() : null;
    return v == null ? null : String.valueOf(v);
  }

  private static String body(Operation op) {
    if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
      return "";
    }
    Content content = op.getRequestBody().getContent();
    MediaType json = content.get("application/json");
    if (json == null) {
      json = content.entrySet().stream().filter(c -> c.getKey().contains("json")).map(Map.Entry::getValue).findFirst().orElse(null);
    }
    if (json == null) {
      return "";
    }
    if (json.getExample() != null) {
      return RequestBodies.toJson(json.getExample());
    }
    if (json.getExamples() != null) {
      for (io.swagger.v3.oas.models.examples.Example named : json.getExamples().values()) {
        if (named != null && named.getValue() != null) {
          return RequestBodies.toJson(named.getValue());
        }
      }
    }
    return RequestBodies.minimal(json.getSchema());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
