/*
 * PCI trace buffer whose scratch window is created owning itself, and
 * whose exit retires the window and then pins it through the shared pin
 * helper.
 *
 * A region that owns itself is its own parent: its unparent finalizes it,
 * and memory_region_ref reads mr->owner, which is the finalized region
 * itself, under every semantics.  The ref is a use after finalization
 * that keeps nothing of another object: not MR006.  The owner is MR009.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_TRACEBUF "tracebuf"
OBJECT_DECLARE_SIMPLE_TYPE(TracebufState, TRACEBUF)

struct TracebufState {
    PCIDevice parent_obj;

    MemoryRegion scratch;
};

static uint64_t tracebuf_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void tracebuf_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
}

static const MemoryRegionOps tracebuf_ops = {
    .read = tracebuf_read,
    .write = tracebuf_write,
};

static void tracebuf_pin(TracebufState *s)
{
    // OK: MR006 the region is its own owner and already finalized
    memory_region_ref(&s->scratch);
}

static void tracebuf_instance_init(Object *obj)
{
    TracebufState *s = TRACEBUF(obj);

    // BUG: MR009 initialized with itself as owner
    memory_region_init_io(&s->scratch, OBJECT(&s->scratch), &tracebuf_ops, s,
                          "tracebuf-scratch", 0x100);
}

static void tracebuf_exit(PCIDevice *pdev)
{
    TracebufState *s = TRACEBUF(pdev);

    object_unparent(OBJECT(&s->scratch));
    tracebuf_pin(s);
}

static void tracebuf_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->exit = tracebuf_exit;
}

static const TypeInfo tracebuf_info = {
    .name          = TYPE_TRACEBUF,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TracebufState),
    .instance_init = tracebuf_instance_init,
    .class_init    = tracebuf_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void tracebuf_register_types(void)
{
    type_register_static(&tracebuf_info);
}

type_init(tracebuf_register_types)
