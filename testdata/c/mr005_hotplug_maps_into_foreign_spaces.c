#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "hw/usb.h"
#include "hw/virtio/virtio.h"
#include "qapi/error.h"
#include "system/address-spaces.h"
#include "system/memory.h"

/*
 * Hot-pluggable devices that map a region into a space someone else owns. The USB debug port
 * never unmaps it; the virtio device unmaps it on one path of its unrealize only. Next to them:
 * the same USB port done right, and a PCI card whose unmap sits in a helper behind is_mapped.
 */

typedef struct DbgPortState {
    USBDevice parent_obj;
    MemoryRegion mailbox;
    MemoryRegion scratch;
    MemoryRegion local;
} DbgPortState;

OBJECT_DECLARE_SIMPLE_TYPE(DbgPortState, DBG_PORT)
#define TYPE_DBG_PORT "usb-dbgport"

static const MemoryRegionOps dbgport_ops;

static void dbgport_realize(USBDevice *dev, Error **errp)
{
    DbgPortState *s = DBG_PORT(dev);

    memory_region_init_io(&s->mailbox, OBJECT(s), &dbgport_ops, s, "dbgport.mbox", 0x10);
    // BUG(legacy,current): MR005 s->mailbox
    memory_region_add_subregion(get_system_io(), 0x3e0, &s->mailbox);
    memory_region_init(&s->local, OBJECT(s), "dbgport.local", 0x1000);
    memory_region_init_ram(&s->scratch, OBJECT(s), "dbgport.scratch", 0x100, &error_fatal);
    // OK: MR005 mapped into its own container
    // BUG(legacy): MR001 s->scratch
    memory_region_add_subregion(&s->local, 0, &s->scratch);
}

static void dbgport_class_init(ObjectClass *klass, const void *data)
{
    USBDeviceClass *uc = USB_DEVICE_CLASS(klass);

    uc->realize = dbgport_realize;
}

static const TypeInfo dbgport_info = {
    .name = TYPE_DBG_PORT,
    .parent = TYPE_USB_DEVICE,
    .instance_size = sizeof(DbgPortState),
    .class_init = dbgport_class_init,
};

/* The same port, unmapped again when the device is unplugged. */
typedef struct GoodPortState {
    USBDevice parent_obj;
    MemoryRegion mailbox;
} GoodPortState;

OBJECT_DECLARE_SIMPLE_TYPE(GoodPortState, GOOD_PORT)
#define TYPE_GOOD_PORT "usb-goodport"

static void goodport_realize(USBDevice *dev, Error **errp)
{
    GoodPortState *s = GOOD_PORT(dev);

    memory_region_init_io(&s->mailbox, OBJECT(s), &dbgport_ops, s, "goodport.mbox", 0x10);
    // OK: MR005 deleted again in unrealize
    memory_region_add_subregion(get_system_io(), 0x3e8, &s->mailbox);
}

static void goodport_unrealize(USBDevice *dev)
{
    GoodPortState *s = GOOD_PORT(dev);

    memory_region_del_subregion(get_system_io(), &s->mailbox);
}

static void goodport_class_init(ObjectClass *klass, const void *data)
{
    USBDeviceClass *uc = USB_DEVICE_CLASS(klass);

    uc->realize = goodport_realize;
    uc->unrealize = goodport_unrealize;
}

static const TypeInfo goodport_info = {
    .name = TYPE_GOOD_PORT,
    .parent = TYPE_USB_DEVICE,
    .instance_size = sizeof(GoodPortState),
    .class_init = goodport_class_init,
};

/* A virtio device with a shared-memory window in the system address space. */
typedef struct ShmWinState {
    VirtIODevice parent_obj;
    MemoryRegion shm;
    bool window_on;
} ShmWinState;

OBJECT_DECLARE_SIMPLE_TYPE(ShmWinState, SHM_WIN)
#define TYPE_SHM_WIN "virtio-shmwin"

static void shmwin_realize(DeviceState *dev, Error **errp)
{
    ShmWinState *s = SHM_WIN(dev);

    memory_region_init_ram(&s->shm, OBJECT(s), "shmwin.shm", 0x100000, &error_fatal);
    // OK: MR005 unrealize unmaps under the flag realize sets right after mapping, and no code clears it
    memory_region_add_subregion(get_system_memory(), 0xe0000000, &s->shm);
    s->window_on = true;
}

static void shmwin_unrealize(DeviceState *dev)
{
    ShmWinState *s = SHM_WIN(dev);

    if (!s->window_on) {
        return;               /* never taken: only realize sets the flag, right after the map */
    }
    memory_region_del_subregion(get_system_memory(), &s->shm);
}

static void shmwin_class_init(ObjectClass *klass, const void *data)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    vdc->realize = shmwin_realize;
    vdc->unrealize = shmwin_unrealize;
}

static const TypeInfo shmwin_info = {
    .name = TYPE_SHM_WIN,
    .parent = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(ShmWinState),
    .class_init = shmwin_class_init,
};

/* A PCI card with a legacy port in the bus's I/O space and a BAR. */
typedef struct LegacyCardState {
    PCIDevice parent_obj;
    MemoryRegion bar;
    MemoryRegion port;
} LegacyCardState;

OBJECT_DECLARE_SIMPLE_TYPE(LegacyCardState, LEGACY_CARD)
#define TYPE_LEGACY_CARD "legacy-card"

static void legacy_card_unmap_port(LegacyCardState *s)
{
    if (memory_region_is_mapped(&s->port)) {
        memory_region_del_subregion(pci_address_space_io(PCI_DEVICE(s)), &s->port);
    }
}

static void legacy_card_realize(PCIDevice *pdev, Error **errp)
{
    LegacyCardState *s = LEGACY_CARD(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &dbgport_ops, s, "legacy.bar", 0x100);
    memory_region_init_io(&s->port, OBJECT(s), &dbgport_ops, s, "legacy.port", 8);
    // OK: MR005 the PCI core unmaps BARs itself before exit
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_IO, &s->bar);
    // OK: MR005 the helper called from exit deletes it
    memory_region_add_subregion(pci_address_space_io(pdev), 0x2f8, &s->port);
}

static void legacy_card_exit(PCIDevice *pdev)
{
    legacy_card_unmap_port(LEGACY_CARD(pdev));
}

static void legacy_card_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = legacy_card_realize;
    k->exit = legacy_card_exit;
}

static const TypeInfo legacy_card_info = {
    .name = TYPE_LEGACY_CARD,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(LegacyCardState),
    .class_init = legacy_card_class_init,
};

static void hotplug_spaces_register_types(void)
{
    type_register_static(&dbgport_info);
    type_register_static(&goodport_info);
    type_register_static(&shmwin_info);
    type_register_static(&legacy_card_info);
}

type_init(hotplug_spaces_register_types)
