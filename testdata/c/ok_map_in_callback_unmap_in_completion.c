// OK: MR006 map in a callback, unmap in its completion; release helper shared by exit and finalize
/*
 * PCI device that maps the guest buffer when the doorbell rings and keeps it
 * in its state; the completion bottom half copies the data out and unmaps
 * it.  The shared release helper also runs at exit and instance_finalize.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_ASYNCDMA "asyncdma"
OBJECT_DECLARE_SIMPLE_TYPE(AsyncdmaState, ASYNCDMA)

struct AsyncdmaState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    QEMUBH *done_bh;
    uint8_t *buf;
    dma_addr_t buf_len;
    uint64_t src;
};

static void asyncdma_release(AsyncdmaState *s)
{
    if (s->buf) {
        dma_memory_unmap(&address_space_memory, s->buf, s->buf_len,
                         DMA_DIRECTION_TO_DEVICE, s->buf_len);
        s->buf = NULL;
    }
}

static void asyncdma_done(void *opaque)
{
    asyncdma_release(opaque);
}

static uint64_t asyncdma_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void asyncdma_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    AsyncdmaState *s = opaque;

    s->buf_len = 0x1000;
    s->buf = dma_memory_map(&address_space_memory, val, &s->buf_len,
                            DMA_DIRECTION_TO_DEVICE, MEMTXATTRS_UNSPECIFIED);
    if (s->buf) {
        qemu_bh_schedule(s->done_bh);
    }
}

static const MemoryRegionOps asyncdma_ops = {
    .read = asyncdma_read,
    .write = asyncdma_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void asyncdma_realize(PCIDevice *pdev, Error **errp)
{
    AsyncdmaState *s = ASYNCDMA(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &asyncdma_ops, s, "asyncdma", 0x20);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    s->done_bh = qemu_bh_new(asyncdma_done, s);
}

static void asyncdma_exit(PCIDevice *pdev)
{
    AsyncdmaState *s = ASYNCDMA(pdev);

    asyncdma_release(s);
    qemu_bh_delete(s->done_bh);
}

static void asyncdma_finalize(Object *obj)
{
    asyncdma_release(ASYNCDMA(obj));
}

static void asyncdma_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = asyncdma_realize;
    k->exit = asyncdma_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1334;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo asyncdma_info = {
    .name          = TYPE_ASYNCDMA,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(AsyncdmaState),
    .instance_finalize = asyncdma_finalize,
    .class_init    = asyncdma_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void asyncdma_register_types(void)
{
    type_register_static(&asyncdma_info);
}

type_init(asyncdma_register_types)
