package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import java.util.HashSet;
import java.util.Set;

/**
 * What replays ask of the program that no replay changes: the conditions around a statement, the
 * fields written after it, the fields some condition tests. Computed once per analysis for all the
 * replayers' threads, not once per thread (each whole-program walk cost every thread as much).
 */
final class ProgramAnswers {
  final ConstantWrites constantWrites;
  final TypeTests typeTests;
  final FieldGuards<String> guards = FieldGuards.testedTrue();
  final FieldGuards<AccessPath> blankTests = FieldGuards.blankMembersOf();
  final FieldGuards<PathCondition> conditions = FieldGuards.pathConditions();
  final FieldGuards<Stmt.Assume> assumptions = FieldGuards.assumptions();
  private final Program program;
  private final FunctionMemo facts;
  private volatile Set<String> testedFields;

  ProgramAnswers(Program program, FunctionMemo facts) {
    this.program = program;
    this.facts = facts;
    this.constantWrites = new ConstantWrites(program);
    this.typeTests = new TypeTests(constantWrites);
  }

  /**
   * The names of the fields some condition in the program tests ({@code if (s->pinned)}): the only
   * ones whose stores are worth remembering.
   */
  Set<String> testedFields() {
    Set<String> known = testedFields;
    if (known != null) return known;
    synchronized (this) {
      if (testedFields == null) {
        Set<String> names = new HashSet<>();
        for (Function f : program.functions()) names.addAll(facts.facts(f).testedFields());
        testedFields = Set.copyOf(names);
      }
      return testedFields;
    }
  }
}
