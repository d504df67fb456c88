package dev.mrcheck.lsp;

import dev.mrcheck.config.ProjectConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings, folders and files changed behind the editor's back. */
final class WorkspaceHandler implements WorkspaceService {
  private final ServerState state;
  private final AnalysisLoop analysis;

  WorkspaceHandler(ServerState state, AnalysisLoop analysis) {
    this.state = state;
    this.analysis = analysis;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    ServerConfig before = state.config();
    ServerConfig after = before.merge(params.getSettings(), state.base(), state.log()::warn);
    if (after.equals(before)) return;
    state.setConfig(after);
    analysis.requestNow(
        false); // the round forgets the parses if include directories or defines changed
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    boolean relevant = false;
    for (FileEvent e : params.getChanges()) {
      Path p = ServerState.path(e.getUri());
      if (p == null) continue;
      String name = p.getFileName().toString();
      // Headers reach the parse through -I; a changed one may change any file's parse.
      if (name.endsWith(".h")) analysis.forgetParses();
      // .mrcheck.yaml is read again by every round; a change to it only has to start one.
      relevant |=
          name.endsWith(".c")
              || name.endsWith(".h")
              || name.endsWith(".mrm")
              || name.equals(ProjectConfig.FILE_NAME);
    }
    if (relevant) analysis.requestAfterEdit();
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    List<Path> roots = new ArrayList<>(state.roots());
    if (params.getEvent() != null) {
      if (params.getEvent().getRemoved() != null) {
        for (WorkspaceFolder f : params.getEvent().getRemoved())
          roots.remove(ServerState.path(f.getUri()));
      }
      if (params.getEvent().getAdded() != null) {
        for (WorkspaceFolder f : params.getEvent().getAdded()) {
          Path p = ServerState.path(f.getUri());
          if (p != null && !roots.contains(p)) roots.add(p);
        }
      }
    }
    state.setRoots(roots);
    analysis.forgetParses(); // reports name files relative to the common root, which may have moved
    analysis.requestNow(true);
  }
}
