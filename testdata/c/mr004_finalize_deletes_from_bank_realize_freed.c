/*
 * PCI crypto accelerator with a heap legacy bank (a container the device
 * owns, allocated in instance_init for older revisions).  realize exposes
 * the key registers as a BAR of their own and drops the legacy bank
 * (unparent, then g_free); instance_finalize still deletes the key
 * registers from the bank.  The key registers are the device's own: QOM
 * finalized them with its child properties before instance_finalize ran,
 * so the delete uses a finalized region (QEMU asserts), whatever became of
 * the freed bank.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_CRYPTOBANK "cryptobank"
OBJECT_DECLARE_SIMPLE_TYPE(CryptobankState, CRYPTOBANK)

struct CryptobankState {
    PCIDevice parent_obj;

    MemoryRegion *bank;
    MemoryRegion keys;
};

static uint64_t cryptobank_keys_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void cryptobank_keys_write(void *opaque, hwaddr addr, uint64_t val,
                                  unsigned size)
{
}

static const MemoryRegionOps cryptobank_keys_ops = {
    .read = cryptobank_keys_read,
    .write = cryptobank_keys_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void cryptobank_instance_init(Object *obj)
{
    CryptobankState *s = CRYPTOBANK(obj);

    s->bank = g_new0(MemoryRegion, 1);
    memory_region_init(s->bank, OBJECT(s), "cryptobank-bank", 0x10000);
}

static void cryptobank_realize(PCIDevice *pdev, Error **errp)
{
    CryptobankState *s = CRYPTOBANK(pdev);

    memory_region_init_io(&s->keys, OBJECT(s), &cryptobank_keys_ops, s,
                          "cryptobank-keys", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->keys);
    object_unparent(OBJECT(s->bank));
    g_free(s->bank);
}

static void cryptobank_instance_finalize(Object *obj)
{
    CryptobankState *s = CRYPTOBANK(obj);

    // BUG: MR004 memory_region_del_subregion(s->keys)
    memory_region_del_subregion(s->bank, &s->keys);
}

static void cryptobank_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = cryptobank_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10fc;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo cryptobank_info = {
    .name          = TYPE_CRYPTOBANK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CryptobankState),
    .instance_init = cryptobank_instance_init,
    .instance_finalize = cryptobank_instance_finalize,
    .class_init    = cryptobank_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void cryptobank_register_types(void)
{
    type_register_static(&cryptobank_info);
}

type_init(cryptobank_register_types)
