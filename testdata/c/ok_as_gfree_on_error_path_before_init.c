// OK: MR007 g_free before address_space_init on the error path
/*
 * PCI device that frees its not-yet-initialized heap address space on the
 * realize error path (nothing to destroy yet), and destroys it with
 * address_space_destroy_free() at exit.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_LATEAS "lateas"
OBJECT_DECLARE_SIMPLE_TYPE(LateasState, LATEAS)

struct LateasState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    MemoryRegion *window;
    AddressSpace *as;
};

static void lateas_realize(PCIDevice *pdev, Error **errp)
{
    LateasState *s = LATEAS(pdev);

    s->as = g_new0(AddressSpace, 1);
    if (!s->window) {
        error_setg(errp, "lateas: window link not set");
        goto fail;
    }
    memory_region_init_io(&s->regs, OBJECT(s), NULL, s, "lateas", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    address_space_init(s->as, s->window, "lateas");
    return;

fail:
    g_free(s->as);
    s->as = NULL;
}

static void lateas_exit(PCIDevice *pdev)
{
    LateasState *s = LATEAS(pdev);

    if (s->as) {
        address_space_destroy_free(s->as);
        s->as = NULL;
    }
}

static void lateas_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = lateas_realize;
    k->exit = lateas_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1323;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo lateas_info = {
    .name          = TYPE_LATEAS,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(LateasState),
    .class_init    = lateas_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void lateas_register_types(void)
{
    type_register_static(&lateas_info);
}

type_init(lateas_register_types)
