// OK: MR001 ref/unref and address_space_init/destroy balanced between realize and exit
// OK: MR002 the doorbell window is deleted from the bus before it is unparented
/*
 * PCI NVMe-like controller written with the QEMU macros that trip up a
 * header-less parser: REG32/REG8/FIELD at file scope, QEMU_PACKED,
 * G_GNUC_UNUSED, g_autofree, QLIST_FOREACH, WITH_QEMU_LOCK_GUARD and a
 * coroutine_fn function.  Every lifecycle function must survive parsing
 * for the balanced pairs below to be seen as balanced: exit, right after
 * the SQ0TDBL block, holds the unref, the destroy and the del.
 */
#include "qemu/osdep.h"
#include "qemu/queue.h"
#include "qemu/lockable.h"
#include "qemu/coroutine.h"
#include "qapi/error.h"
#include "hw/core/registerfields.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_MACROS "macros-nvme"
OBJECT_DECLARE_SIMPLE_TYPE(MacrosState, MACROS)

REG32(CAP_LO, 0x00)
    FIELD(CAP_LO, MQES, 0, 16)
REG32(CC, 0x14)
    FIELD(CC, EN, 0, 1)
REG32(CSTS, 0x1c)
    FIELD(CSTS, RDY, 0, 1)
REG8(INTMS, 0x0c)

typedef struct MacrosSqe {
    uint8_t opcode;
    uint8_t flags;
    uint16_t cid;
    uint32_t nsid;
    uint64_t prp1;
} QEMU_PACKED MacrosSqe;

typedef struct MacrosRequest {
    QLIST_ENTRY(MacrosRequest) next;
    MacrosSqe sqe;
} MacrosRequest;

struct MacrosState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    MemoryRegion doorbell;
    MemoryRegion dma_root;
    AddressSpace dma_as;
    QemuMutex lock;
    QLIST_HEAD(, MacrosRequest) inflight;
    uint32_t cc;
    uint32_t csts;
};

static G_GNUC_UNUSED const char *macros_opcode_name(uint8_t opcode)
{
    return opcode == 0x01 ? "write" : opcode == 0x02 ? "read" : "other";
}

static void coroutine_fn macros_co_flush(MacrosState *s)
{
    MacrosRequest *req;

    QLIST_FOREACH(req, &s->inflight, next) {
        req->sqe.flags = 0;
    }
}

static uint64_t macros_regs_read(void *opaque, hwaddr addr, unsigned size)
{
    MacrosState *s = opaque;

    WITH_QEMU_LOCK_GUARD(&s->lock) {
        switch (addr) {
        case A_CC:
            return s->cc;
        case A_CSTS:
            return s->csts;
        }
    }
    return 0;
}

static void macros_regs_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    MacrosState *s = opaque;

    if (addr == A_CC) {
        s->cc = val;
        s->csts = FIELD_DP32(s->csts, CSTS, RDY, FIELD_EX32(val, CC, EN));
    }
}

static const MemoryRegionOps macros_regs_ops = {
    .read = macros_regs_read,
    .write = macros_regs_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void macros_realize(PCIDevice *pdev, Error **errp)
{
    MacrosState *s = MACROS(pdev);
    g_autofree char *as_name = g_strdup_printf("macros-dma-%02x",
                                               pdev->devfn);

    qemu_mutex_init(&s->lock);
    QLIST_INIT(&s->inflight);
    memory_region_init_io(&s->regs, OBJECT(s), &macros_regs_ops, s,
                          "macros-regs", 0x2000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY |
                     PCI_BASE_ADDRESS_MEM_TYPE_64, &s->regs);
    memory_region_ref(&s->regs);

    memory_region_init_alias(&s->doorbell, OBJECT(s), "macros-doorbell",
                             &s->regs, 0x1000, 0x1000);
    memory_region_add_subregion(pci_address_space(pdev), 0xfed00000,
                                &s->doorbell);

    memory_region_init(&s->dma_root, OBJECT(s), "macros-dma-root", UINT64_MAX);
    address_space_init(&s->dma_as, &s->dma_root, as_name);
}

/* submission queue 0 tail doorbell, inside the doorbell window */
REG32(SQ0TDBL, 0x1000)
    FIELD(SQ0TDBL, SQT, 0, 16)

static void macros_exit(PCIDevice *pdev)
{
    MacrosState *s = MACROS(pdev);

    address_space_destroy(&s->dma_as);
    memory_region_del_subregion(pci_address_space(pdev), &s->doorbell);
    object_unparent(OBJECT(&s->doorbell));
    memory_region_unref(&s->regs);
    qemu_mutex_destroy(&s->lock);
}

static void macros_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = macros_realize;
    k->exit = macros_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x120d;
    k->class_id = PCI_CLASS_STORAGE_EXPRESS;
}

static const TypeInfo macros_info = {
    .name          = TYPE_MACROS,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(MacrosState),
    .class_init    = macros_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { },
    },
};

static void macros_register_types(void)
{
    type_register_static(&macros_info);
}

type_init(macros_register_types)
