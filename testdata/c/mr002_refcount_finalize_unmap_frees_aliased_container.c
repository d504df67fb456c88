/*
 * Sysbus LCD controller: its video window is a container the board sees
 * in system memory, the palette RAM in it belongs to the companion
 * "palette" object, and the controller keeps an alias of the window for
 * a mirror it maps on demand.  instance_finalize unparents the
 * companion's cursor plane, takes the window out of system memory, then
 * unparents the companion's palette.
 *
 * Under the refcount series the window outlives QOM's drop of the child
 * properties: system memory still holds it.  The mirror alias does not:
 * it is one of the controller's own children, gone with them, and its
 * reference on the window with it.  The delete from system memory is
 * then the window's last reference: memory_region_finalize deletes the
 * palette from it, and the palette is no longer mapped when it is
 * unparented.  The cursor plane was unparented before, while system
 * memory still held the window: it was still mapped in it.  Under legacy
 * and current semantics the window was finalized with the child
 * properties, so neither is mapped by then, and the delete from system
 * memory uses a finalized region under every semantics (the model's
 * unplug: qdev deleted the window already).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_LCDC "lcdc"
OBJECT_DECLARE_SIMPLE_TYPE(LcdcState, LCDC)

struct LcdcState {
    SysBusDevice parent_obj;

    MemoryRegion vram_win;
    MemoryRegion vram_mirror;
    MemoryRegion palette;
    MemoryRegion cursor;
    Object *palette_obj;
};

static uint64_t lcdc_palette_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void lcdc_palette_write(void *opaque, hwaddr addr, uint64_t val,
                               unsigned size)
{
}

static const MemoryRegionOps lcdc_palette_ops = {
    .read = lcdc_palette_read,
    .write = lcdc_palette_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void lcdc_realize(DeviceState *dev, Error **errp)
{
    LcdcState *s = LCDC(dev);

    memory_region_init(&s->vram_win, OBJECT(s), "lcdc-vram", 0x10000);
    memory_region_init_alias(&s->vram_mirror, OBJECT(s), "lcdc-vram-mirror",
                             &s->vram_win, 0, 0x8000);
    memory_region_init_io(&s->palette, s->palette_obj, &lcdc_palette_ops, s,
                          "lcdc-palette", 0x400);
    memory_region_add_subregion(&s->vram_win, 0x8000, &s->palette);
    memory_region_init_io(&s->cursor, s->palette_obj, &lcdc_palette_ops, s,
                          "lcdc-cursor", 0x100);
    memory_region_add_subregion(&s->vram_win, 0x9000, &s->cursor);
    memory_region_add_subregion(get_system_memory(), 0xe0000000, &s->vram_win);
}

static void lcdc_instance_finalize(Object *obj)
{
    LcdcState *s = LCDC(obj);

    // BUG(refcount): MR002 still be mapped in s->vram_win
    object_unparent(OBJECT(&s->cursor));
    // BUG: MR004 finalized with the object's child properties
    memory_region_del_subregion(get_system_memory(), &s->vram_win);
    // OK: MR002 the delete above let the window go, and it deleted the palette
    object_unparent(OBJECT(&s->palette));
}

static void lcdc_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = lcdc_realize;
}

static const TypeInfo lcdc_info = {
    .name              = TYPE_LCDC,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(LcdcState),
    .instance_finalize = lcdc_instance_finalize,
    .class_init        = lcdc_class_init,
};

static void lcdc_register_types(void)
{
    type_register_static(&lcdc_info);
}

type_init(lcdc_register_types)
