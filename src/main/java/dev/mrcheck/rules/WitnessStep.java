package dev.mrcheck.rules;

import dev.mrcheck.analysis.Fact;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;

/**
 * One step of a witness. {@code subject}/{@code other} are canonical ids (as in the analysis'
 * places), {@code *Shown} how the code spells them. {@code phase} null means run-time code (after
 * realize, before unrealize).
 */
public record WitnessStep(
    Role phase,
    Kind kind,
    String subject,
    String subjectShown,
    String other,
    String otherShown,
    Fact.Owner owner,
    RegionKind regionKind,
    SourceLoc loc) {

  public enum Kind {
    /**
     * memory_region_init*: {@code subject} owned per {@code owner} ({@code other} names a foreign
     * owner).
     */
    INIT,
    /** add_subregion: {@code subject} into container {@code other}. */
    MAP,
    UNMAP,
    REF,
    UNREF,
    UNPARENT,
    FREE,
    /** address_space_init: address space {@code subject} over root {@code other}. */
    AS_INIT,
    AS_DESTROY,
    /** memory_region_find: {@code subject} is the section's region, which carries a reference. */
    FIND,
    /** address_space_map: buffer {@code subject} maps a region of address space {@code other}. */
    AS_MAP,
    /**
     * The function returns on some path still holding {@code subject}'s reference, stored nowhere.
     */
    RETURN,
    /** g_free of address space {@code subject}. */
    AS_FREE,
    /** g_free_rcu of address space {@code subject}: queued on its rcu_head. */
    AS_FREE_RCU,
    /**
     * memory_region_init* with a wrong owner: {@code other} is the {@code Region.Misowning} name of
     * the runtime model, {@code otherShown} the owner as written.
     */
    INIT_MISOWNED,
    /**
     * {@code OBJECT(mr)->free = fn}: {@code other} is {@code embedded} when the region is a struct
     * member.
     */
    FREE_HOOK
  }
}
