/*
 * Hot-pluggable PCI NIC with a register window (a container) shown in
 * system memory through an alias, and a doorbell region inside the
 * window.  Exit unparents the alias while it is still mapped, then the
 * window, then the doorbell.
 *
 * With the refcount series system memory's reference keeps the alias
 * alive past its unparent, and the alias references its target: the
 * window survives its own unparent, and the doorbell is still mapped in
 * it when it is unparented.  Under legacy and current semantics the
 * window's unparent finalizes it and deletes the doorbell; the alias left
 * in system memory keeps the device alive there (MR005).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_NICWIN "nicwin"
OBJECT_DECLARE_SIMPLE_TYPE(NicwinState, NICWIN)

struct NicwinState {
    PCIDevice parent_obj;

    MemoryRegion window;
    MemoryRegion window_alias;
    MemoryRegion doorbell;
};

static uint64_t nicwin_doorbell_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void nicwin_doorbell_write(void *opaque, hwaddr addr, uint64_t val,
                                  unsigned size)
{
}

static const MemoryRegionOps nicwin_doorbell_ops = {
    .read = nicwin_doorbell_read,
    .write = nicwin_doorbell_write,
};

static void nicwin_realize(PCIDevice *pdev, Error **errp)
{
    NicwinState *s = NICWIN(pdev);

    memory_region_init(&s->window, OBJECT(s), "nicwin-window", 0x10000);
    memory_region_init_io(&s->doorbell, OBJECT(s), &nicwin_doorbell_ops, s,
                          "nicwin-doorbell", 0x100);
    memory_region_add_subregion(&s->window, 0x800, &s->doorbell);
    memory_region_init_alias(&s->window_alias, OBJECT(s), "nicwin-window-alias",
                             &s->window, 0, 0x10000);
    // BUG(legacy,current): MR005 s->window_alias
    memory_region_add_subregion(get_system_memory(), 0xfe000000, &s->window_alias);
}

static void nicwin_exit(PCIDevice *pdev)
{
    NicwinState *s = NICWIN(pdev);

    // BUG: MR002 s->window_alias
    object_unparent(OBJECT(&s->window_alias));
    object_unparent(OBJECT(&s->window));
    // BUG(refcount): MR002 s->doorbell
    object_unparent(OBJECT(&s->doorbell));
}

static void nicwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = nicwin_realize;
    k->exit = nicwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1353;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo nicwin_info = {
    .name          = TYPE_NICWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(NicwinState),
    .class_init    = nicwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void nicwin_register_types(void)
{
    type_register_static(&nicwin_info);
}

type_init(nicwin_register_types)
