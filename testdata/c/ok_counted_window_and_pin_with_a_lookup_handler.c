/*
 * PCI device that maps its window into system memory only when the user
 * asked for it (a property), and pins an optional backend's region; each is
 * counted up where it is taken and given back in exit while counted.  Its
 * MMIO handler looks a region up and drops the lookup's reference, so the
 * analysis also tears the device down after the handler ran: that replay's
 * exit is still the hook that tests the counts.  The second device's exit
 * tests a flag nothing sets, so its window stays mapped after unplug.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_CNTWIN "cntwin"
OBJECT_DECLARE_SIMPLE_TYPE(CntwinState, CNTWIN)

struct CntwinState {
    PCIDevice parent_obj;

    MemoryRegion window;
    MemoryRegion *backend;
    bool map_window;
    unsigned window_maps;
    unsigned pins;
};

static uint64_t cntwin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void cntwin_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    MemoryRegionSection sec;

    sec = memory_region_find(get_system_memory(), val, 4);
    if (sec.mr) {
        memory_region_unref(sec.mr);
    }
}

static const MemoryRegionOps cntwin_ops = {
    .read = cntwin_read,
    .write = cntwin_write,
};

static void cntwin_realize(PCIDevice *pdev, Error **errp)
{
    CntwinState *s = CNTWIN(pdev);

    memory_region_init_io(&s->window, OBJECT(s), &cntwin_ops, s,
                          "cntwin.window", 0x1000);
    if (s->map_window) {
        // OK: MR005 unmapped in exit while counted; the model refutes the uncounted path
        memory_region_add_subregion(get_system_memory(), 0xfd000000, &s->window);
        s->window_maps++;
    }
    if (s->backend) {
        // OK: MR006 given back in exit while counted, also after the handler ran; refuted
        memory_region_ref(s->backend);
        s->pins++;
    }
}

static void cntwin_exit(PCIDevice *pdev)
{
    CntwinState *s = CNTWIN(pdev);

    if (s->window_maps) {
        memory_region_del_subregion(get_system_memory(), &s->window);
        s->window_maps--;
    }
    if (s->pins) {
        memory_region_unref(s->backend);
        s->pins--;
    }
}

static void cntwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = cntwin_realize;
    k->exit = cntwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1344;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo cntwin_info = {
    .name          = TYPE_CNTWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CntwinState),
    .class_init    = cntwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

#define TYPE_FLGWIN "flgwin"
OBJECT_DECLARE_SIMPLE_TYPE(FlgwinState, FLGWIN)

struct FlgwinState {
    PCIDevice parent_obj;

    MemoryRegion window;
    bool map_window;
    bool window_mapped;
    bool window_on;
};

static const MemoryRegionOps flgwin_ops;

static void flgwin_realize(PCIDevice *pdev, Error **errp)
{
    FlgwinState *s = FLGWIN(pdev);

    memory_region_init_io(&s->window, OBJECT(s), &flgwin_ops, s,
                          "flgwin.window", 0x1000);
    if (s->map_window) {
        // BUG(legacy,current): MR005 s->window is mapped into system_memory, which TYPE_FLGWIN does not own
        memory_region_add_subregion(get_system_memory(), 0xfd100000, &s->window);
        s->window_mapped = true;
    }
}

static void flgwin_exit(PCIDevice *pdev)
{
    FlgwinState *s = FLGWIN(pdev);

    if (s->window_on) {
        memory_region_del_subregion(get_system_memory(), &s->window);
    }
}

static void flgwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = flgwin_realize;
    k->exit = flgwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1345;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo flgwin_info = {
    .name          = TYPE_FLGWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(FlgwinState),
    .class_init    = flgwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void cntwin_register_types(void)
{
    type_register_static(&cntwin_info);
    type_register_static(&flgwin_info);
}

type_init(cntwin_register_types)
