/*
 * A PCI DMA engine with two heap address spaces.  The probe view is
 * destroyed at the end of realize and freed at exit: the device lived in
 * between, so the destroy's RCU callback has run.  The window view over the
 * device's own region is destroyed at exit and freed in instance_finalize:
 * it references the device (or, with the refcount series, its region, which
 * qdev unparents after exit and which then references the device), so the
 * device is finalized only after that callback ran.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_DMAPROBE "dmaprobe"
OBJECT_DECLARE_SIMPLE_TYPE(DmaprobeState, DMAPROBE)

struct DmaprobeState {
    PCIDevice parent_obj;

    MemoryRegion window;
    AddressSpace *probe_as;
    AddressSpace *window_as;
};

static void dmaprobe_realize(PCIDevice *pdev, Error **errp)
{
    DmaprobeState *s = DMAPROBE(pdev);

    memory_region_init(&s->window, OBJECT(s), "dmaprobe.window", 0x10000);
    s->probe_as = g_new0(AddressSpace, 1);
    address_space_init(s->probe_as, get_system_memory(), "dmaprobe.probe");
    address_space_destroy(s->probe_as);
    s->window_as = g_new0(AddressSpace, 1);
    address_space_init(s->window_as, &s->window, "dmaprobe.window");
}

static void dmaprobe_exit(PCIDevice *pdev)
{
    DmaprobeState *s = DMAPROBE(pdev);

    // OK: MR007
    g_free(s->probe_as);
    address_space_destroy(s->window_as);
}

static void dmaprobe_instance_finalize(Object *obj)
{
    DmaprobeState *s = DMAPROBE(obj);

    // OK: MR007
    g_free(s->window_as);
}

static void dmaprobe_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmaprobe_realize;
    k->exit = dmaprobe_exit;
}

static const TypeInfo dmaprobe_info = {
    .name          = TYPE_DMAPROBE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DmaprobeState),
    .instance_finalize = dmaprobe_instance_finalize,
    .class_init    = dmaprobe_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dmaprobe_register_types(void)
{
    type_register_static(&dmaprobe_info);
}

type_init(dmaprobe_register_types)
