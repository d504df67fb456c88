#include "qemu/osdep.h"
#include "hw/boards.h"
#include "hw/pci/pci_device.h"
#include "system/hostmem.h"

/* Owners that are right: the device, NULL in board code, a wrapper QOM object that holds its RAM. */

typedef struct FrameWindow {
    Object parent_obj;          /* a wrapper QOM object: it holds the region it owns */
    MemoryRegion mr;
    uint8_t *data;
} FrameWindow;

typedef struct GrabberState {
    PCIDevice parent_obj;
    MemoryRegion vram;
    MemoryRegion regs;
    MemoryRegion lo_alias;
    IOMMUMemoryRegion iommu;
    FrameWindow win;
} GrabberState;

typedef struct DemoBackend {
    Object parent;
    MemoryRegion mr;
    uint64_t size;
} DemoBackend;

OBJECT_DECLARE_SIMPLE_TYPE(GrabberState, GRABBER)
OBJECT_DECLARE_SIMPLE_TYPE(DemoBackend, DEMO_BACKEND)
#define TYPE_GRABBER "grabber"
#define TYPE_GRABBER_IOMMU "grabber-iommu"
#define TYPE_DEMO_BACKEND "demo-backend"
#define TYPE_DEMO_BOARD MACHINE_TYPE_NAME("demo-board")

static const MemoryRegionOps grabber_ops;

static void grabber_realize(PCIDevice *pdev, Error **errp)
{
    GrabberState *s = GRABBER(pdev);

    // OK: MR009
    memory_region_init_ram(&s->vram, OBJECT(s), "grabber.vram", 0x100000, &error_fatal);
    // OK: MR009
    memory_region_init_io(&s->regs, OBJECT(pdev), &grabber_ops, s, "grabber.regs", 0x100);
    // OK: MR009
    memory_region_init_alias(&s->lo_alias, 0, "grabber.lo", &s->vram, 0, 0x1000);
    // OK: MR009
    memory_region_init_iommu(&s->iommu, sizeof(s->iommu), TYPE_GRABBER_IOMMU, OBJECT(s), "grabber.iommu",
                             UINT64_MAX);

    object_initialize_child(OBJECT(s), "window", &s->win, "frame-window");
    s->win.data = g_malloc0(0x1000);
    // OK: MR009
    memory_region_init_ram_ptr(&s->win.mr, OBJECT(&s->win), "grabber.window", 0x1000, s->win.data);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
}

static void grabber_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = grabber_realize;
}

/* A memory backend owns its RAM: the _nomigrate init does not cast the owner with DEVICE(). */
static bool demo_backend_alloc(HostMemoryBackend *hb, Error **errp)
{
    DemoBackend *b = DEMO_BACKEND(hb);

    // OK: MR009
    return memory_region_init_ram_flags_nomigrate(&b->mr, OBJECT(b), "demo-backend", b->size, 0, errp);
}

static void demo_backend_class_init(ObjectClass *oc, const void *data)
{
    HostMemoryBackendClass *bc = MEMORY_BACKEND_CLASS(oc);

    bc->alloc = demo_backend_alloc;
}

/* Board RAM and ROM belong to the machine: NULL (or 0) is the owner there. */
static void demo_board_init(MachineState *machine)
{
    MemoryRegion *rom = g_new(MemoryRegion, 1);
    MemoryRegion *sram = g_new(MemoryRegion, 1);

    // OK: MR009
    memory_region_init_rom(rom, NULL, "demo.rom", 0x10000, &error_fatal);
    memory_region_add_subregion(get_system_memory(), 0, rom);
    // OK: MR009
    memory_region_init_ram(sram, 0, "demo.sram", 0x8000, &error_fatal);
    memory_region_add_subregion(get_system_memory(), 0x20000000, sram);
}

static void demo_board_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->init = demo_board_init;
}

static const TypeInfo grabber_types[] = {
    {
        .name = TYPE_GRABBER,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(GrabberState),
        .class_init = grabber_class_init,
    },
    {
        .name = "frame-window",
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(FrameWindow),
    },
    {
        .name = TYPE_DEMO_BACKEND,
        .parent = TYPE_MEMORY_BACKEND,
        .instance_size = sizeof(DemoBackend),
        .class_init = demo_backend_class_init,
    },
    {
        .name = TYPE_DEMO_BOARD,
        .parent = TYPE_MACHINE,
        .class_init = demo_board_class_init,
    },
};

DEFINE_TYPES(grabber_types)
