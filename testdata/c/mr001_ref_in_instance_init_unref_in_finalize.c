/*
 * Sysbus timer block that takes a reference on its own register bank in
 * instance_init and drops it in instance_finalize.  Finalize never runs
 * while the reference is held (the reference is on the owner), so even a
 * throw-away instance created for property introspection leaks.
 */
#include "qemu/osdep.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_INITPIN "initpin-timer"
OBJECT_DECLARE_SIMPLE_TYPE(InitpinState, INITPIN)

struct InitpinState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    uint32_t count;
    uint32_t reload;
};

static uint64_t initpin_read(void *opaque, hwaddr addr, unsigned size)
{
    InitpinState *s = opaque;

    return addr ? s->reload : s->count;
}

static void initpin_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    InitpinState *s = opaque;

    if (addr) {
        s->reload = val;
    }
}

static const MemoryRegionOps initpin_ops = {
    .read = initpin_read,
    .write = initpin_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

static void initpin_instance_init(Object *obj)
{
    InitpinState *s = INITPIN(obj);

    memory_region_init_io(&s->iomem, obj, &initpin_ops, s, "initpin", 0x10);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    // BUG: MR001
    memory_region_ref(&s->iomem);
}

static void initpin_instance_finalize(Object *obj)
{
    InitpinState *s = INITPIN(obj);

    // BUG: MR004 s->iomem
    memory_region_unref(&s->iomem);
}

static const TypeInfo initpin_info = {
    .name              = TYPE_INITPIN,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(InitpinState),
    .instance_init     = initpin_instance_init,
    .instance_finalize = initpin_instance_finalize,
};

static void initpin_register_types(void)
{
    type_register_static(&initpin_info);
}

type_init(initpin_register_types)
