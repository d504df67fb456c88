/*
 * PCI page-reporting device: the guest posts page addresses, and the device
 * discards the backing RAM.  Pages that are not plain RAM are skipped, but
 * the skip does not drop the reference memory_region_find() took (the shape
 * of virtio-balloon's old page-reference leak).  The predicates are static
 * inline helpers of include/system/memory.h: whether that header is scanned
 * or not, the leak is found.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/ramblock.h"
#include "qom/object.h"

#define TYPE_PAGEBAL "pagebal"
OBJECT_DECLARE_SIMPLE_TYPE(PageBalState, PAGEBAL)

#define PAGEBAL_BATCH 16

struct PageBalState {
    PCIDevice parent_obj;

    MemoryRegion mmio;
    uint64_t pages[PAGEBAL_BATCH];
    unsigned count;
    MemoryRegion *pinned[PAGEBAL_BATCH];
    unsigned npinned;
};

static void pagebal_discard(PageBalState *s)
{
    MemoryRegionSection section;
    unsigned i;

    for (i = 0; i < s->count; i++) {
        // BUG: MR006 not given back on some path through pagebal_write
        section = memory_region_find(get_system_memory(), s->pages[i], 4096);
        if (!section.mr || !memory_region_is_ram(section.mr) ||
            memory_region_is_rom(section.mr) ||
            memory_region_is_romd(section.mr)) {
            continue;
        }
        ram_block_discard_range(section.mr->ram_block,
                                section.offset_within_region, 4096);
        memory_region_unref(section.mr);
    }
    s->count = 0;
}

/* Keeps the region pointer, and with it the reference, until pagebal_unpin_all(). */
static void pagebal_pin(PageBalState *s, MemoryRegion *mr)
{
    s->pinned[s->npinned++] = mr;
}

static void pagebal_pin_pages(PageBalState *s)
{
    MemoryRegionSection section;
    unsigned i;

    for (i = 0; i < s->count && s->npinned < PAGEBAL_BATCH; i++) {
        // OK: MR006 a region handed to a helper that keeps it is not leaked
        section = memory_region_find(get_system_memory(), s->pages[i], 4096);
        if (!section.mr) {
            continue;
        }
        if (!memory_region_is_ram(section.mr)) {
            memory_region_unref(section.mr);
            continue;
        }
        pagebal_pin(s, section.mr);
    }
}

static void pagebal_unpin_all(PageBalState *s)
{
    while (s->npinned) {
        memory_region_unref(s->pinned[--s->npinned]);
    }
}

static void pagebal_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    PageBalState *s = opaque;

    switch (addr) {
    case 0:
        if (s->count < PAGEBAL_BATCH) {
            s->pages[s->count++] = val;
        }
        break;
    case 8:
        pagebal_discard(s);
        break;
    case 16:
        pagebal_pin_pages(s);
        break;
    case 24:
        pagebal_unpin_all(s);
        break;
    }
}

static const MemoryRegionOps pagebal_ops = {
    .write = pagebal_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void pagebal_realize(PCIDevice *pdev, Error **errp)
{
    PageBalState *s = PAGEBAL(pdev);

    memory_region_init_io(&s->mmio, OBJECT(s), &pagebal_ops, s,
                          "pagebal-mmio", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mmio);
}

static void pagebal_exit(PCIDevice *pdev)
{
    pagebal_unpin_all(PAGEBAL(pdev));
}

static void pagebal_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pagebal_realize;
    k->exit = pagebal_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1302;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pagebal_info = {
    .name          = TYPE_PAGEBAL,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PageBalState),
    .class_init    = pagebal_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pagebal_register_types(void)
{
    type_register_static(&pagebal_info);
}

type_init(pagebal_register_types)
