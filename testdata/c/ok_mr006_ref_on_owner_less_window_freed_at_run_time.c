/*
 * PCI DMA engine with a heap scratch window: realize allocates an
 * owner-less container for it; the doorbell handler tears the window down
 * (unparent, then g_free) when the guest disables scratch mode; exit takes
 * a memory_region_ref on the window pointer it still has.  QEMU's
 * memory_region_ref only counts on a region's owner, and this one has
 * none: the ref counts nothing (whether or not the handler freed the
 * window, which makes the call a use of freed memory), so nothing leaks.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_DMAWIN "dmawin"
OBJECT_DECLARE_SIMPLE_TYPE(DmawinState, DMAWIN)

struct DmawinState {
    PCIDevice parent_obj;

    MemoryRegion doorbell;
    MemoryRegion *scratch;
};

static uint64_t dmawin_doorbell_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void dmawin_doorbell_write(void *opaque, hwaddr addr, uint64_t val,
                                  unsigned size)
{
    DmawinState *s = opaque;

    object_unparent(OBJECT(s->scratch));
    g_free(s->scratch);
}

static const MemoryRegionOps dmawin_doorbell_ops = {
    .read = dmawin_doorbell_read,
    .write = dmawin_doorbell_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void dmawin_realize(PCIDevice *pdev, Error **errp)
{
    DmawinState *s = DMAWIN(pdev);

    memory_region_init_io(&s->doorbell, OBJECT(s), &dmawin_doorbell_ops, s,
                          "dmawin-doorbell", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->doorbell);
    s->scratch = g_new0(MemoryRegion, 1);
    memory_region_init(s->scratch, NULL, "dmawin-scratch", 0x10000);
}

static void dmawin_exit(PCIDevice *pdev)
{
    DmawinState *s = DMAWIN(pdev);

    // OK: MR006 the window is owner-less: memory_region_ref counts nothing on it
    memory_region_ref(s->scratch);
}

static void dmawin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmawin_realize;
    k->exit = dmawin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10fb;
    k->class_id = PCI_CLASS_SYSTEM_OTHER;
}

static const TypeInfo dmawin_info = {
    .name          = TYPE_DMAWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DmawinState),
    .class_init    = dmawin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dmawin_register_types(void)
{
    type_register_static(&dmawin_info);
}

type_init(dmawin_register_types)
