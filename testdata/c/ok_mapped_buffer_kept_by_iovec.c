// OK: MR006 mapped buffer kept by qemu_iovec_add
/*
 * PCI device that maps each scatter-gather element and adds it to the
 * request's I/O vector; the request's completion unmaps the vector.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_SGDMA "sgdma"
OBJECT_DECLARE_SIMPLE_TYPE(SgdmaState, SGDMA)

struct SgdmaState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    QEMUIOVector qiov;
    uint64_t sg_addr[4];
    dma_addr_t sg_len[4];
};

static void sgdma_build(SgdmaState *s)
{
    int i;

    for (i = 0; i < 4; i++) {
        dma_addr_t len = s->sg_len[i];
        void *mem = dma_memory_map(&address_space_memory, s->sg_addr[i], &len,
                                   DMA_DIRECTION_FROM_DEVICE,
                                   MEMTXATTRS_UNSPECIFIED);
        if (!mem) {
            break;
        }
        qemu_iovec_add(&s->qiov, mem, len);
    }
}

static uint64_t sgdma_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void sgdma_write(void *opaque, hwaddr addr, uint64_t val,
                        unsigned size)
{
    sgdma_build(opaque);
}

static const MemoryRegionOps sgdma_ops = {
    .read = sgdma_read,
    .write = sgdma_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void sgdma_realize(PCIDevice *pdev, Error **errp)
{
    SgdmaState *s = SGDMA(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &sgdma_ops, s, "sgdma", 0x20);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
}

static void sgdma_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = sgdma_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1335;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo sgdma_info = {
    .name          = TYPE_SGDMA,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SgdmaState),
    .class_init    = sgdma_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void sgdma_register_types(void)
{
    type_register_static(&sgdma_info);
}

type_init(sgdma_register_types)
