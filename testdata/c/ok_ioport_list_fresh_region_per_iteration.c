// OK: MR002 each loop iteration allocates a new region, unparents it from its first owner and maps it; earlier iterations' mappings are other objects
#include "qemu/osdep.h"
#include "system/memory.h"

typedef struct PortRange {
    Object obj;
    MemoryRegion mr;
    unsigned first;
} PortRange;

typedef struct PortTable {
    MemoryRegion *space;
    Object *owner;
    unsigned count;
    PortRange *ranges[16];
} PortTable;

static const MemoryRegionOps port_range_ops;

static void port_table_add_one(PortTable *t, unsigned first, unsigned len)
{
    PortRange *r = g_new0(PortRange, 1);

    memory_region_init_io(&r->mr, OBJECT(r), &port_range_ops, r, "port-range", len);
    /* hand the region over from the helper object to the table's owner */
    object_ref(&r->mr);
    object_unparent(OBJECT(&r->mr));
    object_property_add_child(t->owner, "port-range[*]", OBJECT(&r->mr));
    memory_region_add_subregion(t->space, first, &r->mr);
    t->ranges[t->count++] = r;
}

void port_table_add(PortTable *t, const unsigned *starts, const unsigned *lens, unsigned n)
{
    unsigned i;

    for (i = 0; i < n; i++) {
        port_table_add_one(t, starts[i], lens[i]);
    }
}
