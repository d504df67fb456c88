/*
 * Hot-pluggable PCI frame grabber whose register writes run any number of
 * times, in any order: every remap deletes the window before it unparents
 * it; a lazily made capture window is only ever moved afterwards; and a
 * flag keeps the overlay from being mapped twice, and tells unrealize
 * whether to delete it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_GRABBER "grabber"
OBJECT_DECLARE_SIMPLE_TYPE(GrabberState, GRABBER)

struct GrabberState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion buf;
    MemoryRegion window;
    MemoryRegion capture;
    MemoryRegion overlay;
    bool overlay_on;
};

static void grabber_remap_window(GrabberState *s, uint64_t offset)
{
    memory_region_del_subregion(&s->bar, &s->window);
    // OK: MR002 deleted from the BAR first, on every invocation
    object_unparent(OBJECT(&s->window));
    memory_region_init_alias(&s->window, OBJECT(s), "grabber.window",
                             &s->buf, offset, 0x1000);
    memory_region_add_subregion(&s->bar, 0, &s->window);
}

static void grabber_move_capture(GrabberState *s, uint64_t addr)
{
    if (!s->capture.container) {
        // OK: MR010 made once, where it was still blank, and kept
        memory_region_init_alias(&s->capture, OBJECT(s), "grabber.capture",
                                 &s->buf, 0, 0x1000);
        memory_region_add_subregion(&s->bar, addr, &s->capture);
    } else {
        memory_region_set_address(&s->capture, addr);
    }
}

static void grabber_show_overlay(GrabberState *s, bool on)
{
    if (on && !s->overlay_on) {
        memory_region_add_subregion_overlap(&s->bar, 0, &s->overlay, 1);
        s->overlay_on = true;
    } else if (!on && s->overlay_on) {
        memory_region_del_subregion(&s->bar, &s->overlay);
        s->overlay_on = false;
    }
}

static void grabber_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    GrabberState *s = opaque;

    switch (addr) {
    case 0:
        grabber_remap_window(s, val);
        break;
    case 8:
        grabber_move_capture(s, val);
        break;
    case 16:
        grabber_show_overlay(s, val & 1);
        break;
    }
}

static const MemoryRegionOps grabber_ops = {
    .write = grabber_write,
};

static void grabber_realize(PCIDevice *pdev, Error **errp)
{
    GrabberState *s = GRABBER(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &grabber_ops, s, "grabber.bar",
                          0x10000);
    if (!memory_region_init_ram(&s->buf, OBJECT(s), "grabber.buf", 0x10000,
                                errp)) {
        return;
    }
    memory_region_init_alias(&s->window, OBJECT(s), "grabber.window", &s->buf,
                             0, 0x1000);
    memory_region_add_subregion(&s->bar, 0, &s->window);
    memory_region_init_alias(&s->overlay, OBJECT(s), "grabber.overlay",
                             &s->buf, 0, 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void grabber_exit(PCIDevice *pdev)
{
    GrabberState *s = GRABBER(pdev);

    if (s->overlay_on) {
        memory_region_del_subregion(&s->bar, &s->overlay);
    }
}

static void grabber_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = grabber_realize;
    k->exit = grabber_exit;
}

static const TypeInfo grabber_info = {
    .name          = TYPE_GRABBER,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(GrabberState),
    .class_init    = grabber_class_init,
};

static void grabber_register_types(void)
{
    type_register_static(&grabber_info);
}

type_init(grabber_register_types)
