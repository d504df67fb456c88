// OK: MR001 sysbus device: never unrealized, same-owner subregions stay until finalize
/*
 * Flash controller that probes the ROM image through a temporary alias
 * mapped into its own window container.  The success path unmaps the
 * alias before unparenting it, but the "goto out" on a bad signature
 * jumps over the memory_region_del_subregion.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_ROMPROBE "romprobe-flash"
OBJECT_DECLARE_SIMPLE_TYPE(RomprobeState, ROMPROBE)

#define ROMPROBE_MAGIC 0x55aa

struct RomprobeState {
    SysBusDevice parent_obj;

    MemoryRegion window;
    MemoryRegion rom;
    MemoryRegion probe;
    uint16_t signature;
};

static bool romprobe_signature_valid(RomprobeState *s)
{
    return s->signature == ROMPROBE_MAGIC;
}

static bool romprobe_check_rom(RomprobeState *s, Error **errp)
{
    bool ok = false;

    memory_region_init_alias(&s->probe, OBJECT(s), "romprobe-probe", &s->rom,
                             0, 0x100);
    memory_region_add_subregion(&s->window, 0, &s->probe);
    if (!romprobe_signature_valid(s)) {
        error_setg(errp, "romprobe: bad ROM signature 0x%04x", s->signature);
        goto out;
    }
    ok = true;
    memory_region_del_subregion(&s->window, &s->probe);
out:
    // BUG: MR002
    object_unparent(OBJECT(&s->probe));
    return ok;
}

static void romprobe_realize(DeviceState *dev, Error **errp)
{
    RomprobeState *s = ROMPROBE(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    memory_region_init(&s->window, OBJECT(s), "romprobe-window", 0x10000);
    if (!memory_region_init_rom(&s->rom, OBJECT(s), "romprobe-rom", 0x8000,
                                errp)) {
        return;
    }
    if (!romprobe_check_rom(s, errp)) {
        return;
    }
    memory_region_add_subregion(&s->window, 0, &s->rom);
    sysbus_init_mmio(sbd, &s->window);
}

static void romprobe_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = romprobe_realize;
}

static const TypeInfo romprobe_info = {
    .name          = TYPE_ROMPROBE,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(RomprobeState),
    .class_init    = romprobe_class_init,
};

static void romprobe_register_types(void)
{
    type_register_static(&romprobe_info);
}

type_init(romprobe_register_types)
