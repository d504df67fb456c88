// OK: MR001 temporary ref/unref pair within realize, released on the error path too
/*
 * PCI device that holds a reference on its FIFO region while it runs a
 * self-test in realize.  Both the failure path (early return) and the
 * success path drop the reference before leaving realize.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_TMPREF "tmpref-fifo"
OBJECT_DECLARE_SIMPLE_TYPE(TmprefState, TMPREF)

struct TmprefState {
    PCIDevice parent_obj;

    MemoryRegion fifo;
    uint8_t *fifo_ptr;
};

static bool tmpref_selftest(TmprefState *s)
{
    s->fifo_ptr[0] = 0xa5;
    return s->fifo_ptr[0] == 0xa5;
}

static void tmpref_realize(PCIDevice *pdev, Error **errp)
{
    TmprefState *s = TMPREF(pdev);

    if (!memory_region_init_ram(&s->fifo, OBJECT(s), "tmpref-fifo", 0x1000,
                                errp)) {
        return;
    }
    s->fifo_ptr = memory_region_get_ram_ptr(&s->fifo);
    memory_region_ref(&s->fifo);
    if (!tmpref_selftest(s)) {
        memory_region_unref(&s->fifo);
        error_setg(errp, "tmpref: FIFO self-test failed");
        return;
    }
    memory_region_unref(&s->fifo);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->fifo);
}

static void tmpref_exit(PCIDevice *pdev)
{
    TmprefState *s = TMPREF(pdev);

    s->fifo_ptr = NULL;
}

static void tmpref_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = tmpref_realize;
    k->exit = tmpref_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x120b;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo tmpref_info = {
    .name          = TYPE_TMPREF,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TmprefState),
    .class_init    = tmpref_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void tmpref_register_types(void)
{
    type_register_static(&tmpref_info);
}

type_init(tmpref_register_types)
