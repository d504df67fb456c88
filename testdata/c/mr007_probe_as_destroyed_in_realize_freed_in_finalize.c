/*
 * Two devices that probe the system bus through a scratch heap address
 * space in realize and free it in instance_finalize.
 *
 * The controller destroys the probe space at the end of realize, which
 * cannot fail after that: the device lives (RCU grace periods pass) before
 * it is finalized, at unplug or with the machine, so the g_free comes after
 * the destroy's callback.
 *
 * The bridge destroys it and then reports an error when the probe found
 * nothing: qdev drops the device at once, without unrealize, and the g_free
 * in instance_finalize frees the address space while its RCU callback is
 * still queued.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_PROBECTL "probectl"
OBJECT_DECLARE_SIMPLE_TYPE(ProbectlState, PROBECTL)

struct ProbectlState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace *probe_as;
};

static void probectl_realize(PCIDevice *pdev, Error **errp)
{
    ProbectlState *s = PROBECTL(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), NULL, s, "probectl", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    s->probe_as = g_new0(AddressSpace, 1);
    address_space_init(s->probe_as, get_system_memory(), "probectl.probe");
    address_space_destroy(s->probe_as);
}

static void probectl_instance_finalize(Object *obj)
{
    ProbectlState *s = PROBECTL(obj);

    // OK: MR007 the device lived after realize: the destroy's callback has run
    g_free(s->probe_as);
}

static void probectl_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = probectl_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1341;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo probectl_info = {
    .name          = TYPE_PROBECTL,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(ProbectlState),
    .instance_finalize = probectl_instance_finalize,
    .class_init    = probectl_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

#define TYPE_PROBEBRIDGE "probebridge"
OBJECT_DECLARE_SIMPLE_TYPE(ProbebridgeState, PROBEBRIDGE)

struct ProbebridgeState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace *probe_as;
    bool found;
};

static void probebridge_realize(PCIDevice *pdev, Error **errp)
{
    ProbebridgeState *s = PROBEBRIDGE(pdev);

    s->probe_as = g_new0(AddressSpace, 1);
    address_space_init(s->probe_as, get_system_memory(), "probebridge.probe");
    address_space_destroy(s->probe_as);
    if (!s->found) {
        error_setg(errp, "probebridge: no downstream window");
        return;
    }
    memory_region_init_io(&s->regs, OBJECT(s), NULL, s, "probebridge", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
}

static void probebridge_instance_finalize(Object *obj)
{
    ProbebridgeState *s = PROBEBRIDGE(obj);

    // BUG: MR007 right after address_space_destroy
    g_free(s->probe_as);
}

static void probebridge_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = probebridge_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1342;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo probebridge_info = {
    .name          = TYPE_PROBEBRIDGE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(ProbebridgeState),
    .instance_finalize = probebridge_instance_finalize,
    .class_init    = probebridge_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void probe_register_types(void)
{
    type_register_static(&probectl_info);
    type_register_static(&probebridge_info);
}

type_init(probe_register_types)
