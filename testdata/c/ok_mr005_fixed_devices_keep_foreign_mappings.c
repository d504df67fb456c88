#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "hw/sysbus.h"
#include "system/address-spaces.h"
#include "system/memory.h"

/*
 * Devices that map into system memory or the PCI I/O space and never unmap, and need not: a PCI
 * host-side function that declares itself not hot-pluggable, and a dynamic sysbus device (board
 * or -device on a platform bus, never unplugged).
 */

typedef struct PmFuncState {
    PCIDevice parent_obj;
    MemoryRegion acpi_io;
    MemoryRegion smi_io;
} PmFuncState;

OBJECT_DECLARE_SIMPLE_TYPE(PmFuncState, PM_FUNC)
#define TYPE_PM_FUNC "acme-pm-func"

static const MemoryRegionOps pm_ops;

static void pm_func_realize(PCIDevice *pdev, Error **errp)
{
    PmFuncState *s = PM_FUNC(pdev);

    memory_region_init_io(&s->acpi_io, OBJECT(s), &pm_ops, s, "pm.acpi", 0x40);
    // OK: MR005 not hot-pluggable: never unrealized
    memory_region_add_subregion(pci_address_space_io(pdev), 0x600, &s->acpi_io);
    memory_region_init_io(&s->smi_io, OBJECT(s), &pm_ops, s, "pm.smi", 2);
    // OK: MR005 not hot-pluggable: never unrealized
    memory_region_add_subregion(get_system_io(), 0xb2, &s->smi_io);
}

static void pm_func_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pm_func_realize;
    dc->hotpluggable = false;
}

static const TypeInfo pm_func_info = {
    .name = TYPE_PM_FUNC,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PmFuncState),
    .class_init = pm_func_class_init,
};

typedef struct PlatRtcState {
    SysBusDevice parent_obj;
    MemoryRegion regs;
} PlatRtcState;

OBJECT_DECLARE_SIMPLE_TYPE(PlatRtcState, PLAT_RTC)
#define TYPE_PLAT_RTC "acme-plat-rtc"

static void plat_rtc_realize(DeviceState *dev, Error **errp)
{
    PlatRtcState *s = PLAT_RTC(dev);

    memory_region_init_io(&s->regs, OBJECT(s), &pm_ops, s, "plat-rtc", 0x20);
    // OK: MR005 a dynamic sysbus device is never unplugged
    memory_region_add_subregion(get_system_memory(), 0xfed00000, &s->regs);
}

static void plat_rtc_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = plat_rtc_realize;
    dc->user_creatable = true;
}

static const TypeInfo plat_rtc_info = {
    .name = TYPE_PLAT_RTC,
    .parent = TYPE_DYNAMIC_SYS_BUS_DEVICE,
    .instance_size = sizeof(PlatRtcState),
    .class_init = plat_rtc_class_init,
};

static void fixed_devices_register_types(void)
{
    type_register_static(&pm_func_info);
    type_register_static(&plat_rtc_info);
}

type_init(fixed_devices_register_types)
