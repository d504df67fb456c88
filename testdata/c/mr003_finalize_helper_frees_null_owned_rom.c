// OK: MR001 sysbus device: never unrealized
/*
 * SoC boot ROM shadow allocated in realize with owner NULL.  instance_finalize
 * does nothing but call a teardown helper, and the helper g_free()s the ROM.
 * The free is two calls away from the lifecycle hook: it is still a free of
 * an owner-less region that nothing reference counts.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_BOOTSHADOW "boot-shadow"
OBJECT_DECLARE_SIMPLE_TYPE(BootShadowState, BOOTSHADOW)

struct BootShadowState {
    SysBusDevice parent_obj;

    MemoryRegion *rom;
};

static void bootshadow_release(BootShadowState *s)
{
    // BUG: MR003
    g_free(s->rom);
}

static void bootshadow_realize(DeviceState *dev, Error **errp)
{
    BootShadowState *s = BOOTSHADOW(dev);

    s->rom = g_new0(MemoryRegion, 1);
    if (!memory_region_init_rom(s->rom, NULL, "boot-shadow.rom", 0x4000,
                                errp)) {
        return;
    }
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), s->rom);
}

static void bootshadow_instance_finalize(Object *obj)
{
    bootshadow_release(BOOTSHADOW(obj));
}

static void bootshadow_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = bootshadow_realize;
}

static const TypeInfo bootshadow_info = {
    .name              = TYPE_BOOTSHADOW,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(BootShadowState),
    .instance_finalize = bootshadow_instance_finalize,
    .class_init        = bootshadow_class_init,
};

static void bootshadow_register_types(void)
{
    type_register_static(&bootshadow_info);
}

type_init(bootshadow_register_types)
