/*
 * Hot-pluggable PCI capture card whose realize builds a "window" container
 * holding the FIFO registers and maps it into system memory.  exit tears
 * the window down in the wrong order: it unparents the window while system
 * memory still maps it, then drops the FIFO.
 *
 * Under legacy and current semantics nothing reference-counts the window
 * itself, so its unparent finalizes it and memory_region_finalize deletes
 * the FIFO from it: the FIFO's own unparent is then harmless.  Under the
 * refcount series system memory's reference keeps the window alive with
 * the FIFO still inside it, and the FIFO is unparented while mapped.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_CAPCARD "capcard"
OBJECT_DECLARE_SIMPLE_TYPE(CapcardState, CAPCARD)

#define CAPCARD_WINDOW_BASE 0xfe000000

struct CapcardState {
    PCIDevice parent_obj;

    MemoryRegion window;
    MemoryRegion fifo;
    MemoryRegion ctrl_window;
    MemoryRegion ctrl;
};

static uint64_t capcard_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void capcard_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
}

static const MemoryRegionOps capcard_ops = {
    .read = capcard_read,
    .write = capcard_write,
};

static void capcard_realize(PCIDevice *pdev, Error **errp)
{
    CapcardState *s = CAPCARD(pdev);

    memory_region_init(&s->window, OBJECT(s), "capcard-window", 0x10000);
    memory_region_init_io(&s->fifo, OBJECT(s), &capcard_ops, s,
                          "capcard-fifo", 0x100);
    memory_region_add_subregion(&s->window, 0, &s->fifo);
    // BUG(legacy,current): MR005 no unrealize path unmaps it
    memory_region_add_subregion(get_system_memory(), CAPCARD_WINDOW_BASE,
                                &s->window);

    memory_region_init(&s->ctrl_window, OBJECT(s), "capcard-ctrl-window",
                       0x1000);
    memory_region_init_io(&s->ctrl, OBJECT(s), &capcard_ops, s,
                          "capcard-ctrl", 0x100);
    memory_region_add_subregion(&s->ctrl_window, 0, &s->ctrl);
    memory_region_add_subregion(get_system_memory(),
                                CAPCARD_WINDOW_BASE + 0x10000,
                                &s->ctrl_window);
}

static void capcard_exit(PCIDevice *pdev)
{
    CapcardState *s = CAPCARD(pdev);

    // BUG: MR002 still be mapped in system_memory
    object_unparent(OBJECT(&s->window));
    // BUG(refcount): MR002 still be mapped in s->window
    object_unparent(OBJECT(&s->fifo));

    /*
     * Unparented while mapped as well, but deleted from system memory
     * before the control registers go: under refcount that drops the last
     * reference on the control window, whose finalize deletes them.
     */
    // BUG: MR002 still be mapped in system_memory
    object_unparent(OBJECT(&s->ctrl_window));
    memory_region_del_subregion(get_system_memory(), &s->ctrl_window);
    // OK: MR002 the control window was finalized, its subregions deleted
    object_unparent(OBJECT(&s->ctrl));
}

static void capcard_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = capcard_realize;
    k->exit = capcard_exit;
}

static const TypeInfo capcard_info = {
    .name          = TYPE_CAPCARD,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CapcardState),
    .class_init    = capcard_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void capcard_register_types(void)
{
    type_register_static(&capcard_info);
}

type_init(capcard_register_types)
