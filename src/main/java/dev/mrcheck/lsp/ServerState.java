package dev.mrcheck.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * What the protocol handlers share: the client, the open buffers, the workspace folders and
 * settings.
 */
final class ServerState {
  private final OpenDocuments documents = new OpenDocuments();
  private final ServerLog log = new ServerLog(this::client);
  private volatile LanguageClient client;
  private volatile List<Path> roots = List.of();
  private volatile ServerConfig config = ServerConfig.DEFAULT;
  private volatile boolean clientShowsProgress;
  private volatile boolean shutDown;

  LanguageClient client() {
    return client;
  }

  void connect(LanguageClient c) {
    client = c;
  }

  OpenDocuments documents() {
    return documents;
  }

  ServerLog log() {
    return log;
  }

  List<Path> roots() {
    return roots;
  }

  void setRoots(List<Path> r) {
    roots = List.copyOf(r);
  }

  ServerConfig config() {
    return config;
  }

  void setConfig(ServerConfig c) {
    config = c;
  }

  /** After {@code shutdown}: requests fail, notifications other than {@code exit} are ignored. */
  boolean shutDown() {
    return shutDown;
  }

  void setShutDown() {
    shutDown = true;
  }

  /** Fails a request that came after {@code shutdown}, as the LSP specification says. */
  void checkServing(String method) {
    if (shutDown) throw ProtocolErrors.afterShutdown(method);
  }

  void setClientShowsProgress(boolean b) {
    clientShowsProgress = b;
  }

  Progress progress(String title) {
    return clientShowsProgress && client != null ? Progress.begin(client, title) : Progress.NONE;
  }

  /** Where relative paths in settings point: the first workspace folder. */
  Path base() {
    return roots.isEmpty() ? null : roots.get(0);
  }

  /** Inside a workspace folder, or any file when there are no folders (single-file mode). */
  boolean inWorkspace(Path p) {
    if (roots.isEmpty()) return true;
    for (Path r : roots) if (p.startsWith(r)) return true;
    return false;
  }

  /** A file: URI as an absolute normalized path; null for other schemes or malformed URIs. */
  static Path path(String uri) {
    if (uri == null) return null;
    try {
      URI u = URI.create(uri);
      if (!"file".equalsIgnoreCase(u.getScheme())) return null;
      return Path.of(u).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  static List<Path> paths(List<String> uris) {
    List<Path> out = new ArrayList<>();
    for (String u : uris) {
      Path p = path(u);
      if (p != null && !out.contains(p)) out.add(p);
    }
    return out;
  }
}
