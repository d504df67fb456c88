// OK: MR001 regions created in instance_init are not mapped or referenced there
// OK: MR002 nothing is unparented
// OK: MR003 the regions have an owner and are never freed
/*
 * SoC RTC that creates its regions in instance_init, the usual sysbus
 * style: creation is not mapping, so a throw-away instance (created only
 * to list properties) leaves no trace when it is finalized.
 */
#include "qemu/osdep.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_INITONLY "initonly-rtc"
OBJECT_DECLARE_SIMPLE_TYPE(InitonlyState, INITONLY)

struct InitonlyState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    MemoryRegion nvram;
    uint32_t seconds;
};

static uint64_t initonly_read(void *opaque, hwaddr addr, unsigned size)
{
    InitonlyState *s = opaque;

    return s->seconds;
}

static void initonly_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    InitonlyState *s = opaque;

    s->seconds = val;
}

static const MemoryRegionOps initonly_ops = {
    .read = initonly_read,
    .write = initonly_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

static void initonly_instance_init(Object *obj)
{
    InitonlyState *s = INITONLY(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    memory_region_init_io(&s->iomem, obj, &initonly_ops, s, "initonly-rtc",
                          0x20);
    sysbus_init_mmio(sbd, &s->iomem);
    memory_region_init_ram(&s->nvram, obj, "initonly-nvram", 0x100,
                           &error_fatal);
    sysbus_init_mmio(sbd, &s->nvram);
}

static const TypeInfo initonly_info = {
    .name          = TYPE_INITONLY,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(InitonlyState),
    .instance_init = initonly_instance_init,
};

static void initonly_register_types(void)
{
    type_register_static(&initonly_info);
}

type_init(initonly_register_types)
