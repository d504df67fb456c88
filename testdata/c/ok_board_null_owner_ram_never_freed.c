// OK: MR003 owner-less (NULL) board RAM, ROM and alias that are never freed
// OK: MR002 nothing is unparented
// OK: MR001 no reference on an own region; a machine is not a hot-pluggable device
/*
 * Minimal evaluation board: SRAM and boot ROM are owner-less regions
 * allocated with g_new and mapped into system memory for the lifetime of
 * the machine, with a high alias of the SRAM.  Nothing ever frees them.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/core/boards.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define BRDRAM_SRAM_BASE 0x00000000
#define BRDRAM_ROM_BASE  0x1fc00000
#define BRDRAM_HIGH_BASE 0x80000000

static void brdram_init(MachineState *machine)
{
    MemoryRegion *sysmem = get_system_memory();
    MemoryRegion *sram = g_new(MemoryRegion, 1);
    MemoryRegion *rom = g_new(MemoryRegion, 1);
    MemoryRegion *sram_high = g_new(MemoryRegion, 1);

    memory_region_init_ram(sram, NULL, "brdram.sram", 512 * KiB, &error_fatal);
    memory_region_add_subregion(sysmem, BRDRAM_SRAM_BASE, sram);

    memory_region_init_rom(rom, NULL, "brdram.rom", 64 * KiB, &error_fatal);
    memory_region_add_subregion(sysmem, BRDRAM_ROM_BASE, rom);

    memory_region_init_alias(sram_high, NULL, "brdram.sram.high", sram, 0,
                             512 * KiB);
    memory_region_add_subregion(sysmem, BRDRAM_HIGH_BASE, sram_high);
}

static void brdram_machine_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "brdram evaluation board";
    mc->init = brdram_init;
    mc->max_cpus = 1;
}

static const TypeInfo brdram_machine_info = {
    .name       = MACHINE_TYPE_NAME("brdram"),
    .parent     = TYPE_MACHINE,
    .class_init = brdram_machine_class_init,
};

static void brdram_machine_register(void)
{
    type_register_static(&brdram_machine_info);
}

type_init(brdram_machine_register)
