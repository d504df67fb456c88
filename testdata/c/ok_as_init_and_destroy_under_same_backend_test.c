// OK: MR007 init and destroy under the same test of an optional backend
/*
 * PCI memory expander with optional volatile and persistent backends.
 * realize makes an address space for each backend present, exit destroys
 * the ones whose backend is present: the branch that skips a destroy is
 * the one that never initialized it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/hostmem.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_MEMX "memx"
OBJECT_DECLARE_SIMPLE_TYPE(MemxState, MEMX)

struct MemxState {
    PCIDevice parent_obj;

    HostMemoryBackend *vol;
    HostMemoryBackend *pers;
    AddressSpace vol_as;
    AddressSpace pers_as;
};

static bool memx_setup_backends(MemxState *m, Error **errp)
{
    MemoryRegion *mr;

    if (!m->vol && !m->pers) {
        error_setg(errp, "memx: no backend");
        return false;
    }
    if (m->vol) {
        mr = host_memory_backend_get_memory(m->vol);
        // OK: MR007 destroyed at exit under the same test
        address_space_init(&m->vol_as, mr, "memx-vol");
    }
    if (m->pers) {
        mr = host_memory_backend_get_memory(m->pers);
        // OK: MR007 destroyed at exit under the same test
        address_space_init(&m->pers_as, mr, "memx-pers");
    }
    return true;
}

static void memx_realize(PCIDevice *pdev, Error **errp)
{
    MemxState *m = MEMX(pdev);

    if (!memx_setup_backends(m, errp)) {
        return;
    }
}

static void memx_exit(PCIDevice *pdev)
{
    MemxState *m = MEMX(pdev);

    if (m->pers) {
        address_space_destroy(&m->pers_as);
    }
    if (m->vol) {
        address_space_destroy(&m->vol_as);
    }
}

static void memx_class_init(ObjectClass *oc, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(oc);

    k->realize = memx_realize;
    k->exit = memx_exit;
}

static const TypeInfo memx_info = {
    .name          = TYPE_MEMX,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(MemxState),
    .class_init    = memx_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { }
    },
};

static void memx_register_types(void)
{
    type_register_static(&memx_info);
}

type_init(memx_register_types)
