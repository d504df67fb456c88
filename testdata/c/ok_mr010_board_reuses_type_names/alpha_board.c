#include "qemu/osdep.h"
#include "hw/sysbus.h"
#include "qapi/error.h"
#include "system/memory.h"

/* One board's boot ROM device. Another board registers its own type with the same name. */

#define TYPE_BOOTROM "bootrom"

typedef struct BootRomState {
    SysBusDevice parent_obj;
    MemoryRegion rom;
} BootRomState;

static void alpha_rom_realize(DeviceState *dev, Error **errp)
{
    BootRomState *s = (BootRomState *)dev;

    memory_region_init_rom(&s->rom, OBJECT(s), "alpha.bootrom", 0x10000, &error_fatal);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->rom);
}

static void alpha_rom_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = alpha_rom_realize;
}

static const TypeInfo alpha_rom_info = {
    .name = TYPE_BOOTROM,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(BootRomState),
    .class_init = alpha_rom_class_init,
};

static void alpha_register_types(void)
{
    type_register_static(&alpha_rom_info);
}

type_init(alpha_register_types)
