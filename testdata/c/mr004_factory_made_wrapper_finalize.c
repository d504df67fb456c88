/*
 * Host-memory window wrappers: plain QOM objects (not devices) that a
 * factory makes with object_new() and sets up with a RAM region owned by
 * the new object.  When the last reference goes, QOM drops the wrapper's
 * child properties (the region among them) before instance_finalize runs,
 * so the unparent there is a no-op.  The second wrapper embeds its region
 * and leaves it to QOM: nothing to report.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_HOSTWIN_MAP "hostwin-map"
OBJECT_DECLARE_SIMPLE_TYPE(HostwinMap, HOSTWIN_MAP)

struct HostwinMap {
    Object parent_obj;

    MemoryRegion *mr;
    uint64_t len;
};

#define TYPE_HOSTWIN_SLOT "hostwin-slot"
OBJECT_DECLARE_SIMPLE_TYPE(HostwinSlot, HOSTWIN_SLOT)

struct HostwinSlot {
    Object parent_obj;

    MemoryRegion mr;
    char *label;
};

HostwinMap *hostwin_map_new(int fd, uint64_t len)
{
    HostwinMap *map;
    MemoryRegion *mr;
    Error *local_err = NULL;

    map = HOSTWIN_MAP(object_new(TYPE_HOSTWIN_MAP));
    map->len = len;
    mr = g_new0(MemoryRegion, 1);
    if (!memory_region_init_ram_from_fd(mr, OBJECT(map), "hostwin", len,
                                        RAM_SHARED, fd, 0, &local_err)) {
        error_report_err(local_err);
        g_free(mr);
        object_unref(OBJECT(map));
        return NULL;
    }
    map->mr = mr;
    return map;
}

static void hostwin_map_finalize(Object *obj)
{
    HostwinMap *map = HOSTWIN_MAP(obj);

    if (map->mr) {
        // BUG: MR004 object_unparent(map->mr) in instance_finalize is a no-op
        object_unparent(OBJECT(map->mr));
        map->mr = NULL;
    }
}

HostwinSlot *hostwin_slot_new(void *host, uint64_t len, const char *label)
{
    HostwinSlot *slot = HOSTWIN_SLOT(object_new(TYPE_HOSTWIN_SLOT));

    memory_region_init_ram_ptr(&slot->mr, OBJECT(slot), "hostwin-slot", len,
                               host);
    slot->label = g_strdup(label);
    return slot;
}

static void hostwin_slot_finalize(Object *obj)
{
    HostwinSlot *slot = HOSTWIN_SLOT(obj);

    /* the region went with the child properties; only the label is ours */
    // OK: MR004 frees no region
    g_free(slot->label);
}

static const TypeInfo hostwin_types[] = {
    {
        .name              = TYPE_HOSTWIN_MAP,
        .parent            = TYPE_OBJECT,
        .instance_size     = sizeof(HostwinMap),
        .instance_finalize = hostwin_map_finalize,
    },
    {
        .name              = TYPE_HOSTWIN_SLOT,
        .parent            = TYPE_OBJECT,
        .instance_size     = sizeof(HostwinSlot),
        .instance_finalize = hostwin_slot_finalize,
    },
};

DEFINE_TYPES(hostwin_types)
