/*
 * Hot-pluggable PCI debug card whose exit "moves" its debug port from the
 * card's window to system memory for a last dump, deletes it from system
 * memory again, and unparents it.
 *
 * The port is still in the window: QEMU asserts !subregion->container in
 * the add (and the delete from system memory finds it elsewhere), so the
 * region never left the window and its unparent is one of a region still
 * mapped.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_DBGMOVE "dbgmove"
OBJECT_DECLARE_SIMPLE_TYPE(DbgmoveState, DBGMOVE)

struct DbgmoveState {
    PCIDevice parent_obj;

    MemoryRegion window;
    MemoryRegion port;
};

static uint64_t dbgmove_port_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void dbgmove_port_write(void *opaque, hwaddr addr, uint64_t val,
                               unsigned size)
{
}

static const MemoryRegionOps dbgmove_port_ops = {
    .read = dbgmove_port_read,
    .write = dbgmove_port_write,
};

static void dbgmove_realize(PCIDevice *pdev, Error **errp)
{
    DbgmoveState *s = DBGMOVE(pdev);

    memory_region_init(&s->window, OBJECT(s), "dbgmove-window", 0x1000);
    memory_region_init_io(&s->port, OBJECT(s), &dbgmove_port_ops, s,
                          "dbgmove-port", 0x10);
    // BUG(legacy): MR001 s->port
    memory_region_add_subregion(&s->window, 0x80, &s->port);
}

static void dbgmove_exit(PCIDevice *pdev)
{
    DbgmoveState *s = DBGMOVE(pdev);

    memory_region_add_subregion(get_system_memory(), 0xfed00000, &s->port);
    memory_region_del_subregion(get_system_memory(), &s->port);
    // BUG: MR002 s->port
    object_unparent(OBJECT(&s->port));
}

static void dbgmove_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dbgmove_realize;
    k->exit = dbgmove_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1356;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo dbgmove_info = {
    .name          = TYPE_DBGMOVE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DbgmoveState),
    .class_init    = dbgmove_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dbgmove_register_types(void)
{
    type_register_static(&dbgmove_info);
}

type_init(dbgmove_register_types)
