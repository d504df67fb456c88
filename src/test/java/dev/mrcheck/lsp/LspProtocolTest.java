package dev.mrcheck.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests the server cannot serve get an error code and one line over JSON-RPC, never a stack
 * trace.
 */
class LspProtocolTest {
  @TempDir Path ws;
  LspSession lsp;

  @BeforeEach
  void start() throws Exception {
    LspSession.copyWorkspace(ws);
    lsp = new LspSession(MrcheckLanguageServer.DEFAULT_DEBOUNCE_MILLIS);
    lsp.initialize(ws, null);
  }

  @AfterEach
  void stop() throws Exception {
    lsp.close();
  }

  /** Sends {@code method} with raw {@code params} and returns the error it is answered with. */
  private ResponseError errorFor(String method, Object params) {
    ExecutionException e =
        catchThrowableOfType(
            ExecutionException.class,
            () ->
                lsp.clientLauncher
                    .getRemoteEndpoint()
                    .request(method, params)
                    .get(30, TimeUnit.SECONDS));
    assertThat(e).as(method + " should fail").isNotNull();
    assertThat(e.getCause()).isInstanceOf(ResponseErrorException.class);
    return ((ResponseErrorException) e.getCause()).getResponseError();
  }

  @Test
  void aRequestWithoutParamsIsInvalidParamsWithAMessageAndNoTrace() {
    ResponseError hover = errorFor("textDocument/hover", null);
    assertThat(hover.getCode()).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
    assertThat(hover.getMessage())
        .isEqualTo("textDocument/hover: missing params.textDocument or params.position");
    assertThat(hover.getData()).isNull();

    ResponseError action = errorFor("textDocument/codeAction", null);
    assertThat(action.getCode()).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
    assertThat(action.getData()).isNull();
  }

  @Test
  void aBugOfOursIsAnInternalErrorInOneLine() {
    ResponseError e =
        ProtocolErrors.toResponse(
            new CompletionException(new IllegalStateException("boom\n\tat x")));
    assertThat(e.getCode()).isEqualTo(ResponseErrorCode.InternalError.getValue());
    assertThat(e.getMessage())
        .isEqualTo("mrcheck: internal error: java.lang.IllegalStateException: boom at x");
    assertThat(e.getData()).isNull();
  }

  @Test
  void paramsOfTheWrongShapeAreAnsweredWithoutTheParsersTrace() {
    ResponseError e = errorFor("textDocument/hover", "not an object");
    assertThat(e.getData()).isNull();
    assertThat(e.getMessage()).doesNotContain("\tat ").doesNotContain("\n");
  }

  @Test
  void afterShutdownRequestsAreInvalidAndExitEndsWithZero() throws Exception {
    lsp.server.shutdown().get(30, TimeUnit.SECONDS);
    ResponseError hover =
        errorFor(
            "textDocument/hover",
            new HoverParams(
                new TextDocumentIdentifier(ws.resolve("ctrl.c").toUri().toString()),
                new Position(0, 0)));
    assertThat(hover.getCode()).isEqualTo(ResponseErrorCode.InvalidRequest.getValue());
    assertThat(hover.getMessage()).contains("shutting down");
    assertThat(errorFor("shutdown", null).getCode())
        .isEqualTo(ResponseErrorCode.InvalidRequest.getValue());
    lsp.server.exit();
    assertThat(lsp.exitCode.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void exitWithoutShutdownEndsWithOne() throws Exception {
    lsp.server.exit();
    assertThat(lsp.exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(1);
  }
}
