// OK: MR006 a listener's region_add keeps the section it was given; region_del drops it
/*
 * A memory listener that mirrors RAM sections into a backend table. The
 * section pointer comes from the memory core (a parameter), the copy goes
 * into a table through a helper the analysis does not enter, and
 * region_del gives the reference back.
 */
#include "qemu/osdep.h"
#include "system/memory.h"

typedef struct MirrorEntry {
    MemoryRegionSection section;
    bool used;
} MirrorEntry;

typedef struct Mirror {
    MemoryListener listener;
    MirrorEntry *entries;
    unsigned nr_entries;
    int fd;
} Mirror;

static MirrorEntry *mirror_slot(Mirror *m)
{
    unsigned i;

    for (i = 0; i < m->nr_entries; i++) {
        if (!m->entries[i].used) {
            return &m->entries[i];
        }
    }
    m->entries = g_renew(MirrorEntry, m->entries, m->nr_entries + 1);
    return &m->entries[m->nr_entries++];
}

static void mirror_remember(Mirror *m, MemoryRegionSection *section)
{
    MirrorEntry *e = mirror_slot(m);

    e->section = *section;
    e->used = true;
}

static void mirror_region_add(MemoryListener *listener,
                              MemoryRegionSection *section)
{
    Mirror *m = container_of(listener, Mirror, listener);

    if (!memory_region_is_ram(section->mr)) {
        return;
    }
    // OK: MR006 the caller's section, remembered in the table
    memory_region_ref(section->mr);
    mirror_remember(m, section);
    if (m->fd < 0) {
        return;
    }
}

static void mirror_region_del(MemoryListener *listener,
                              MemoryRegionSection *section)
{
    Mirror *m = container_of(listener, Mirror, listener);
    unsigned i;

    for (i = 0; i < m->nr_entries; i++) {
        if (m->entries[i].used && m->entries[i].section.mr == section->mr) {
            m->entries[i].used = false;
            memory_region_unref(section->mr);
        }
    }
}

void mirror_register(Mirror *m, AddressSpace *as)
{
    m->listener.region_add = mirror_region_add;
    m->listener.region_del = mirror_region_del;
    memory_listener_register(&m->listener, as);
}
