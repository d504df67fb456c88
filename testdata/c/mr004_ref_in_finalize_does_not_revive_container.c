/*
 * Sysbus sensor hub whose instance_finalize "re-homes" the companion
 * probe's window into its own bus container before unparenting it, and
 * takes a reference on the container first, as if that kept it alive.
 *
 * QOM dropped the hub's child properties before instance_finalize ran:
 * the bus container is finalized already, so both the reference and the
 * add are uses after finalization (MR004).  The reference revives
 * nothing, and the add maps nothing the unparent could leave behind.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SENSHUB "senshub"
OBJECT_DECLARE_SIMPLE_TYPE(SenshubState, SENSHUB)

struct SenshubState {
    SysBusDevice parent_obj;

    MemoryRegion bus;
    MemoryRegion probe_window;
    Object *probe;
};

static uint64_t senshub_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void senshub_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
}

static const MemoryRegionOps senshub_ops = {
    .read = senshub_read,
    .write = senshub_write,
};

static void senshub_instance_init(Object *obj)
{
    SenshubState *s = SENSHUB(obj);

    memory_region_init(&s->bus, OBJECT(s), "senshub-bus", 0x10000);
    memory_region_init_io(&s->probe_window, s->probe, &senshub_ops, s,
                          "senshub-probe", 0x100);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->bus);
}

static void senshub_instance_finalize(Object *obj)
{
    SenshubState *s = SENSHUB(obj);

    // BUG: MR004 memory_region_ref
    memory_region_ref(&s->bus);
    // BUG: MR004 memory_region_add_subregion
    memory_region_add_subregion(&s->bus, 0x300, &s->probe_window);
    // OK: MR002 the add above mapped nothing
    object_unparent(OBJECT(&s->probe_window));
}

static const TypeInfo senshub_info = {
    .name              = TYPE_SENSHUB,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(SenshubState),
    .instance_init     = senshub_instance_init,
    .instance_finalize = senshub_instance_finalize,
};

static void senshub_register_types(void)
{
    type_register_static(&senshub_info);
}

type_init(senshub_register_types)
