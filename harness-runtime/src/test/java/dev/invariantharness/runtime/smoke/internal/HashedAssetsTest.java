package dev.invariantharness.runtime.smoke.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashedAssetsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/assets/app-3f9a2c1b.js", "/assets/index-CmlKDCQS.js", "/static/js/main.3f9a2c1b.chunk.js",
      "/assets/index-B-a_c1D2.css", "assets/openagents_web_shell_bg-9a8b7c6d5e.wasm", "/assets/app-3f9a2c1b.js?v=1"})
  void contentHashedNamesAreRecognised(String path) {
    assertThat(HashedAssets.isHashed(path)).as(path).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/sw.js", "/manifest.json", "/assets/openagents_web_shell.js", "/assets/app-component.js",
      "/vendor-react-dom-production.js", "/jquery-3.7.1.min.js", "/assets/app-3f9a2c1b", "/assets/app-3f9a2c.js"})
  void ordinaryNamesAreNot(String path) {
    assertThat(HashedAssets.isHashed(path)).as(path).isFalse();
  }

  @Test
  void pagesNameTheirSameOriginHashedAssets() {
    String html = "<html><head><link rel=stylesheet href='/assets/app-7d1e0f2a.css'>"
        + "<script type=module src=\"/assets/app-3f9a2c1b.js\"></script>"
        + "<script src=https://cdn.example.com/lib-3f9a2c1b.js></script>"
        + "<script src=\"//cdn.example.com/x-3f9a2c1b.js\"></script>"
        + "<link rel=manifest href=/manifest.json><a href=\"#top\">top</a>"
        + "<img SRC=assets/logo-AbCdEfGh.svg></head></html>";
    assertThat(HashedAssets.fromHtml(html, "/"))
        .containsExactly("/assets/app-7d1e0f2a.css", "/assets/app-3f9a2c1b.js", "/assets/logo-AbCdEfGh.svg");
  }

  @Test
  void relativeReferencesResolveAgainstTheirPage() {
    String html = "<script src=\"app-3f9a2c1b.js\"></script><script src=\"../shared/lib-9f8e7d6c.js\"></script>"
        + "<script src=\"./chunk-AbCdEf12.js?v=2#x\"></script><script src=\"../../../../escape-3f9a2c1b.js\"></script>";
    assertThat(HashedAssets.fromHtml(html, "/app/index.html"))
        .containsExactly("/app/app-3f9a2c1b.js", "/shared/lib-9f8e7d6c.js", "/app/chunk-AbCdEf12.js");
  }

  @Test
  void manifestsNameThemInStringsAtAnyDepth() throws Exception {
    var json = new ObjectMapper().readTree("{\"manifestVersion\":\"openagents.webshell.v2\",\"entry\":{\"html\":\"index.html\","
        + "\"js\":\"assets/app-3f9a2c1b.js\"},\"serviceWorker\":{\"pinnedAssets\":[\"assets/app-3f9a2c1b.js\",\"assets/app-7d1e0f2a.css\"]}}");
    assertThat(HashedAssets.fromJson(json, "/manifest.json")).containsExactly("/assets/app-3f9a2c1b.js", "/assets/app-7d1e0f2a.css");
  }
}
