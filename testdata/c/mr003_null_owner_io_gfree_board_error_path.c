// OK: MR002 the sysctl block is freed before it was ever mapped
/*
 * Evaluation board whose system-controller block is an owner-less I/O
 * region allocated on the heap.  When the board revision is unsupported,
 * the error path g_free()s the region: an owner-less I/O region must
 * never be freed (nothing reference counts it).
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "qapi/error.h"
#include "hw/core/boards.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_SYSCTLBRD_MACHINE MACHINE_TYPE_NAME("sysctlbrd")

#define SYSCTLBRD_SYSCTL_BASE 0x10000000

typedef struct SysctlbrdMachineState {
    MachineState parent_obj;

    uint32_t board_rev;
} SysctlbrdMachineState;

OBJECT_DECLARE_SIMPLE_TYPE(SysctlbrdMachineState, SYSCTLBRD_MACHINE)

static uint64_t sysctlbrd_sysctl_read(void *opaque, hwaddr addr, unsigned size)
{
    SysctlbrdMachineState *sms = opaque;

    return addr == 0 ? sms->board_rev : 0;
}

static void sysctlbrd_sysctl_write(void *opaque, hwaddr addr, uint64_t val,
                                   unsigned size)
{
}

static const MemoryRegionOps sysctlbrd_sysctl_ops = {
    .read = sysctlbrd_sysctl_read,
    .write = sysctlbrd_sysctl_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

static bool sysctlbrd_add_sysctl(SysctlbrdMachineState *sms, Error **errp)
{
    MemoryRegion *sysctl = g_new(MemoryRegion, 1);

    memory_region_init_io(sysctl, NULL, &sysctlbrd_sysctl_ops, sms,
                          "sysctlbrd.sysctl", 0x1000);
    if (sms->board_rev > 3) {
        error_setg(errp, "sysctlbrd: unsupported board revision %u",
                   sms->board_rev);
        // BUG: MR003
        g_free(sysctl);
        return false;
    }
    memory_region_add_subregion(get_system_memory(), SYSCTLBRD_SYSCTL_BASE,
                                sysctl);
    return true;
}

static void sysctlbrd_init(MachineState *machine)
{
    SysctlbrdMachineState *sms = SYSCTLBRD_MACHINE(machine);

    memory_region_add_subregion(get_system_memory(), 0, machine->ram);
    sysctlbrd_add_sysctl(sms, &error_fatal);
}

static void sysctlbrd_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "sysctlbrd evaluation board";
    mc->init = sysctlbrd_init;
    mc->default_ram_id = "sysctlbrd.ram";
}

static const TypeInfo sysctlbrd_info = {
    .name          = TYPE_SYSCTLBRD_MACHINE,
    .parent        = TYPE_MACHINE,
    .instance_size = sizeof(SysctlbrdMachineState),
    .class_init    = sysctlbrd_class_init,
};

static void sysctlbrd_machine_init(void)
{
    type_register_static(&sysctlbrd_info);
}

type_init(sysctlbrd_machine_init)
