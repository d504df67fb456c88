#include "qemu/osdep.h"
#include "hw/boards.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"

/*
 * Run-time code that may create and drop regions: aliases and containers (bridge-like windows),
 * RAM owned by a wrapper QOM object, and board code, which is no device.
 */

typedef struct BlobHolder {
    Object parent_obj;
    MemoryRegion mr;
    void *data;
} BlobHolder;

typedef struct WinState {
    PCIDevice parent_obj;
    MemoryRegion bar;
    MemoryRegion window;
    MemoryRegion *sub;
    MemoryRegion hostmem;
    MemoryRegion prefetch;
    BlobHolder *blob;
} WinState;

OBJECT_DECLARE_SIMPLE_TYPE(WinState, WIN)
#define TYPE_WIN "win-card"
#define TYPE_BLOB_HOLDER "blob-holder"

static const MemoryRegionOps win_ops;

static void win_remap(WinState *s, uint64_t base)
{
    memory_region_del_subregion(&s->bar, &s->window);
    // OK: MR010
    object_unparent(OBJECT(&s->window));
    // OK: MR010
    memory_region_init_alias(&s->window, OBJECT(s), "win.window", get_system_memory(), base, 0x1000);
    memory_region_add_subregion(&s->bar, 0, &s->window);
}

static void win_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    WinState *s = opaque;

    if (addr == 0) {
        win_remap(s, val);
    } else if (addr == 4) {
        s->sub = g_new0(MemoryRegion, 1);
        // OK: MR010
        memory_region_init(s->sub, OBJECT(s), "win.sub", 0x100);
        memory_region_add_subregion(&s->bar, 0x100, s->sub);
    } else if (addr == 8) {
        memory_region_del_subregion(&s->bar, s->sub);
        // OK: MR010
        object_unparent(OBJECT(s->sub));
        // OK: MR010
        g_free(s->sub);
    }
}

static const MemoryRegionOps win_rt_ops = {
    .write = win_write,
};

/* The sanctioned exception: the blob's RAM is owned by a wrapper object made for it. */
static void win_map_blob(WinState *s, void *data, uint64_t size)
{
    s->blob = g_new0(BlobHolder, 1);
    object_initialize_child(OBJECT(s), "blob", s->blob, TYPE_BLOB_HOLDER);
    // OK: MR010
    memory_region_init_ram_ptr(&s->blob->mr, OBJECT(s->blob), "win.blob", size, data);
    memory_region_add_subregion(&s->hostmem, 0, &s->blob->mr);
}

static void win_unmap_blob(WinState *s)
{
    memory_region_del_subregion(&s->hostmem, &s->blob->mr);
    // OK: MR010
    object_unparent(OBJECT(s->blob));
}

static void win_cmd(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    WinState *s = opaque;

    if (val) {
        win_map_blob(s, g_malloc0(0x1000), 0x1000);
    } else {
        win_unmap_blob(s);
    }
}

static const MemoryRegionOps win_cmd_ops = {
    .write = win_cmd,
};

static void win_realize(PCIDevice *pdev, Error **errp)
{
    WinState *s = WIN(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &win_rt_ops, s, "win.bar", 0x10000);
    memory_region_init(&s->hostmem, OBJECT(s), "win.hostmem", 0x100000);
    // OK: MR010
    memory_region_init_ram(&s->prefetch, OBJECT(s), "win.prefetch", 0x1000, &error_fatal);
    memory_region_init_alias(&s->window, OBJECT(s), "win.window", get_system_memory(), 0, 0x1000);
    memory_region_add_subregion(&s->bar, 0, &s->window);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->hostmem);
}

static void win_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    dc->hotpluggable = false;
    k->realize = win_realize;
}

/* Board code runs once, before the guest: its RAM is not dynamic. */
static void win_board_init(MachineState *machine)
{
    MemoryRegion *ram = g_new(MemoryRegion, 1);

    // OK: MR010
    memory_region_init_ram(ram, NULL, "win-board.ram", machine->ram_size, &error_fatal);
    memory_region_add_subregion(get_system_memory(), 0, ram);
}

static void win_board_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->init = win_board_init;
}

static const TypeInfo win_types[] = {
    {
        .name = TYPE_WIN,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(WinState),
        .class_init = win_class_init,
    },
    {
        .name = TYPE_BLOB_HOLDER,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(BlobHolder),
    },
    {
        .name = MACHINE_TYPE_NAME("win-board"),
        .parent = TYPE_MACHINE,
        .class_init = win_board_class_init,
    },
};

DEFINE_TYPES(win_types)
