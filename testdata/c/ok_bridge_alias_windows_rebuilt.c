// OK: MR002 bridge windows (aliases) are deleted from their container before unparent, then re-created
// OK: MR003 the windows have an owner (the bridge)
/*
 * PCI-to-PCI bridge whose forwarding windows are aliases of the secondary
 * bus spaces mapped into the primary bus.  When the guest reprograms the
 * base/limit registers the windows are rebuilt at run time: deleted from
 * the primary bus, unparented, re-initialized and added again.  exit
 * removes them the same way.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "hw/pci/pci_bridge.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_BRWIN "brwin-bridge"
OBJECT_DECLARE_SIMPLE_TYPE(BrwinState, BRWIN)

typedef struct BrwinWindows {
    MemoryRegion alias_io;
    MemoryRegion alias_mem;
} BrwinWindows;

struct BrwinState {
    PCIDevice parent_obj;

    MemoryRegion sec_io;
    MemoryRegion sec_mem;
    BrwinWindows win;
    uint32_t io_base, io_limit;
    uint64_t mem_base, mem_limit;
};

static void brwin_windows_init(BrwinState *s, BrwinWindows *w)
{
    PCIDevice *pdev = PCI_DEVICE(s);
    uint64_t io_size = s->io_limit >= s->io_base ?
                       s->io_limit - s->io_base + 1 : 0;
    uint64_t mem_size = s->mem_limit >= s->mem_base ?
                        s->mem_limit - s->mem_base + 1 : 0;

    memory_region_init_alias(&w->alias_io, OBJECT(s), "brwin_io", &s->sec_io,
                             s->io_base, io_size);
    memory_region_add_subregion_overlap(pci_address_space_io(pdev),
                                        s->io_base, &w->alias_io, 1);
    memory_region_init_alias(&w->alias_mem, OBJECT(s), "brwin_mem",
                             &s->sec_mem, s->mem_base, mem_size);
    memory_region_add_subregion_overlap(pci_address_space(pdev), s->mem_base,
                                        &w->alias_mem, 1);
}

static void brwin_windows_del(BrwinState *s, BrwinWindows *w)
{
    PCIDevice *pdev = PCI_DEVICE(s);

    memory_region_del_subregion(pci_address_space_io(pdev), &w->alias_io);
    object_unparent(OBJECT(&w->alias_io));
    memory_region_del_subregion(pci_address_space(pdev), &w->alias_mem);
    object_unparent(OBJECT(&w->alias_mem));
}

void brwin_update_mappings(BrwinState *s)
{
    memory_region_transaction_begin();
    brwin_windows_del(s, &s->win);
    brwin_windows_init(s, &s->win);
    memory_region_transaction_commit();
}

static void brwin_write_config(PCIDevice *d, uint32_t address, uint32_t val,
                               int len)
{
    BrwinState *s = BRWIN(d);

    pci_default_write_config(d, address, val, len);
    if (ranges_overlap(address, len, PCI_IO_BASE, 2) ||
        ranges_overlap(address, len, PCI_MEMORY_BASE, 4)) {
        s->io_base = (d->config[PCI_IO_BASE] & 0xf0) << 8;
        s->io_limit = ((d->config[PCI_IO_LIMIT] & 0xf0) << 8) | 0xfff;
        s->mem_base = (uint64_t)pci_get_word(d->config + PCI_MEMORY_BASE) << 16;
        s->mem_limit = ((uint64_t)pci_get_word(d->config + PCI_MEMORY_LIMIT)
                        << 16) | 0xfffff;
        brwin_update_mappings(s);
    }
}

static void brwin_realize(PCIDevice *pdev, Error **errp)
{
    BrwinState *s = BRWIN(pdev);

    memory_region_init(&s->sec_io, OBJECT(s), "brwin-sec-io", 0x10000);
    memory_region_init(&s->sec_mem, OBJECT(s), "brwin-sec-mem", UINT64_MAX);
    brwin_windows_init(s, &s->win);
}

static void brwin_exit(PCIDevice *pdev)
{
    BrwinState *s = BRWIN(pdev);

    brwin_windows_del(s, &s->win);
}

static void brwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = brwin_realize;
    k->exit = brwin_exit;
    k->config_write = brwin_write_config;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1206;
    k->class_id = PCI_CLASS_BRIDGE_PCI;
}

static const TypeInfo brwin_info = {
    .name          = TYPE_BRWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(BrwinState),
    .class_init    = brwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void brwin_register_types(void)
{
    type_register_static(&brwin_info);
}

type_init(brwin_register_types)
