#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "hw/sysbus.h"
#include "system/address-spaces.h"
#include "system/memory.h"
#include "system/reset.h"

/*
 * instance_init doing realize's work: an IOMMU that hooks itself into its PCI bus, a watchdog that
 * registers a reset handler, and a bridge whose init helper maps its windows and builds its DMA
 * address space. Throw-away instances (device-list-properties) then stay registered or mapped.
 */

typedef struct MiniIommuState {
    SysBusDevice parent_obj;
    PCIBus *bus;
    MemoryRegion regs;
} MiniIommuState;

OBJECT_DECLARE_SIMPLE_TYPE(MiniIommuState, MINI_IOMMU)
#define TYPE_MINI_IOMMU "mini-iommu"

static const PCIIOMMUOps mini_iommu_ops;
static const MemoryRegionOps mini_regs_ops;

static void mini_iommu_init(Object *obj)
{
    MiniIommuState *s = MINI_IOMMU(obj);

    memory_region_init_io(&s->regs, obj, &mini_regs_ops, s, "mini-iommu", 0x1000);
    // BUG: MR008 pci_setup_iommu
    pci_setup_iommu(s->bus, &mini_iommu_ops, s);
}

static const TypeInfo mini_iommu_info = {
    .name = TYPE_MINI_IOMMU,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(MiniIommuState),
    .instance_init = mini_iommu_init,
};

typedef struct WdtState {
    SysBusDevice parent_obj;
    MemoryRegion regs;
    uint32_t count;
} WdtState;

OBJECT_DECLARE_SIMPLE_TYPE(WdtState, WDT)
#define TYPE_ACME_WDT "acme-wdt"

static void wdt_reset(void *opaque)
{
    WdtState *s = opaque;

    s->count = 0;
}

static void wdt_init(Object *obj)
{
    WdtState *s = WDT(obj);

    memory_region_init_io(&s->regs, obj, &mini_regs_ops, s, "acme-wdt", 0x10);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->regs);
    // BUG: MR008 qemu_register_reset
    qemu_register_reset(wdt_reset, s);
}

static const TypeInfo wdt_info = {
    .name = TYPE_ACME_WDT,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(WdtState),
    .instance_init = wdt_init,
};

typedef struct HostBridgeState {
    PCIDevice parent_obj;
    MemoryRegion cfg_io;
    MemoryRegion vga_win;
    MemoryRegion dma_root;
    AddressSpace dma_as;
} HostBridgeState;

OBJECT_DECLARE_SIMPLE_TYPE(HostBridgeState, HOST_BRIDGE)
#define TYPE_ACME_HOST_BRIDGE "acme-host-bridge"

static void host_bridge_setup_windows(HostBridgeState *s)
{
    // BUG: MR008 system_io
    memory_region_add_subregion(get_system_io(), 0xcf8, &s->cfg_io);
    // BUG: MR008 pci_memory
    memory_region_add_subregion(pci_address_space(PCI_DEVICE(s)), 0xa0000, &s->vga_win);
}

static void host_bridge_setup_dma(HostBridgeState *s)
{
    // BUG: MR008 s->dma_as
    address_space_init(&s->dma_as, get_system_memory(), "acme-host-dma");
}

static void host_bridge_init(Object *obj)
{
    HostBridgeState *s = HOST_BRIDGE(obj);

    memory_region_init_io(&s->cfg_io, obj, &mini_regs_ops, s, "acme-cfg", 8);
    memory_region_init_alias(&s->vga_win, obj, "acme-vga", get_system_memory(), 0xa0000, 0x20000);
    host_bridge_setup_windows(s);
    host_bridge_setup_dma(s);
}

static void host_bridge_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->hotpluggable = false;
}

static const TypeInfo host_bridge_info = {
    .name = TYPE_ACME_HOST_BRIDGE,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(HostBridgeState),
    .instance_init = host_bridge_init,
    .class_init = host_bridge_class_init,
};

static void init_side_effects_register_types(void)
{
    type_register_static(&mini_iommu_info);
    type_register_static(&wdt_info);
    type_register_static(&host_bridge_info);
}

type_init(init_side_effects_register_types)
