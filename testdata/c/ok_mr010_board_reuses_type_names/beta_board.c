#include "qemu/osdep.h"
#include "hw/sysbus.h"
#include "qapi/error.h"
#include "system/memory.h"

/*
 * The other board's boot ROM, registered under the same type name (never linked into the same
 * binary). Its realize and instance_init are lifecycle hooks all the same, not run-time code.
 */

#define TYPE_BOOTROM "bootrom"

typedef struct BootRomState {
    SysBusDevice parent_obj;
    MemoryRegion rom;
    MemoryRegion nvram;
} BootRomState;

static void beta_rom_init(Object *obj)
{
    BootRomState *s = (BootRomState *)obj;

    // OK: MR010
    memory_region_init_ram(&s->nvram, obj, "beta.nvram", 0x2000, &error_fatal);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->nvram);
}

static void beta_rom_realize(DeviceState *dev, Error **errp)
{
    BootRomState *s = (BootRomState *)dev;

    // OK: MR010
    memory_region_init_rom(&s->rom, OBJECT(s), "beta.bootrom", 0x80000, &error_fatal);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->rom);
}

static void beta_rom_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = beta_rom_realize;
}

static const TypeInfo beta_rom_info = {
    .name = TYPE_BOOTROM,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(BootRomState),
    .instance_init = beta_rom_init,
    .class_init = beta_rom_class_init,
};

static void beta_register_types(void)
{
    type_register_static(&beta_rom_info);
}

type_init(beta_register_types)
