package dev.mrcheck.lsp;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * How requests fail: with a JSON-RPC error whose code says whose fault it is (InvalidParams,
 * InvalidRequest after shutdown, InternalError for a bug of ours) and a one-line message. Never
 * with a Java stack trace: lsp4j's default puts one in the error's {@code data}, which an editor
 * shows to the user and which tells a client author nothing.
 */
final class ProtocolErrors {
  private ProtocolErrors() {}

  /** {@code method} was called without the params it needs ({@code what}). */
  static ResponseErrorException invalidParams(String method, String what) {
    return new ResponseErrorException(
        new ResponseError(ResponseErrorCode.InvalidParams, method + ": missing " + what, null));
  }

  /** The LSP specification: after {@code shutdown}, requests fail with InvalidRequest. */
  static ResponseErrorException afterShutdown(String method) {
    return new ResponseErrorException(
        new ResponseError(
            ResponseErrorCode.InvalidRequest,
            method + ": the server is shutting down (only 'exit' is accepted now)",
            null));
  }

  /**
   * lsp4j's exception handler: errors we raised pass as they are; anything else is an internal
   * error, in one line.
   */
  static ResponseError toResponse(Throwable thrown) {
    Throwable t = thrown;
    while ((t instanceof CompletionException
            || t instanceof ExecutionException
            || t instanceof InvocationTargetException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ResponseErrorException r) return r.getResponseError();
    String line = String.valueOf(t).replaceAll("\\s+", " ");
    System.err.println("mrcheck lsp: internal error in a request: " + line);
    return new ResponseError(
        ResponseErrorCode.InternalError, "mrcheck: internal error: " + line, null);
  }

  /**
   * Drops the {@code data} of every error response going out: lsp4j fills it with the exception
   * behind a malformed message (Gson's parse error, with its trace) in paths no handler sees.
   */
  static MessageConsumer withoutErrorData(MessageConsumer next) {
    return message -> {
      if (message instanceof ResponseMessage r && r.getError() != null) r.getError().setData(null);
      next.consume(message);
    };
  }
}
