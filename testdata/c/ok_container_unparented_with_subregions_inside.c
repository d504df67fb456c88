// OK: MR001 sysbus device: never unrealized, same-owner subregions stay until finalize
// OK: MR002 unparenting a container whose subregions are still inside it: only its own mapping matters
/*
 * SoC memory controller that can permanently disable a DRAM bank.  The
 * bank is a container of aliases; bankctl_disable_bank() (exported,
 * called by the SoC's power-management model) deletes the container
 * from system memory and unparents it with its aliases still inside:
 * finalizing the container detaches them.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_BANKCTL "bankctl-mc"
OBJECT_DECLARE_SIMPLE_TYPE(BankctlState, BANKCTL)

#define BANKCTL_NR_CHUNKS 4

struct BankctlState {
    SysBusDevice parent_obj;

    MemoryRegion dram;
    MemoryRegion bank;
    MemoryRegion chunk[BANKCTL_NR_CHUNKS];
    hwaddr bank_base;
    bool bank_enabled;
};

void bankctl_disable_bank(BankctlState *s)
{
    if (!s->bank_enabled) {
        return;
    }
    memory_region_del_subregion(get_system_memory(), &s->bank);
    object_unparent(OBJECT(&s->bank));
    s->bank_enabled = false;
}

static void bankctl_realize(DeviceState *dev, Error **errp)
{
    BankctlState *s = BANKCTL(dev);
    int i;

    if (!memory_region_init_ram(&s->dram, OBJECT(s), "bankctl-dram",
                                BANKCTL_NR_CHUNKS * 16 * MiB, errp)) {
        return;
    }
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->dram);
    memory_region_init(&s->bank, OBJECT(s), "bankctl-bank",
                       BANKCTL_NR_CHUNKS * 16 * MiB);
    for (i = 0; i < BANKCTL_NR_CHUNKS; i++) {
        memory_region_init_alias(&s->chunk[i], OBJECT(s), "bankctl-chunk",
                                 &s->dram, i * 16 * MiB, 16 * MiB);
        memory_region_add_subregion(&s->bank, i * 16 * MiB, &s->chunk[i]);
    }
    memory_region_add_subregion(get_system_memory(), s->bank_base, &s->bank);
    s->bank_enabled = true;
}

static void bankctl_instance_init(Object *obj)
{
    BankctlState *s = BANKCTL(obj);

    s->bank_base = 0x40000000;
}

static void bankctl_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = bankctl_realize;
}

static const TypeInfo bankctl_info = {
    .name          = TYPE_BANKCTL,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(BankctlState),
    .instance_init = bankctl_instance_init,
    .class_init    = bankctl_class_init,
};

static void bankctl_register_types(void)
{
    type_register_static(&bankctl_info);
}

type_init(bankctl_register_types)
