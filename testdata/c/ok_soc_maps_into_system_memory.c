// OK: MR005 an SoC peripheral (sysbus, never hot-unplugged) may map into system memory for good
#include "qemu/osdep.h"
#include "hw/sysbus.h"
#include "system/address-spaces.h"

typedef struct SocSramState {
    SysBusDevice parent_obj;
    MemoryRegion sram;
    uint32_t base;
} SocSramState;

OBJECT_DECLARE_SIMPLE_TYPE(SocSramState, SOC_SRAM)
#define TYPE_SOC_SRAM "soc-sram"

static void soc_sram_realize(DeviceState *dev, Error **errp)
{
    SocSramState *s = SOC_SRAM(dev);

    if (!memory_region_init_ram(&s->sram, OBJECT(dev), "soc.sram", 64 * KiB, errp)) {
        return;
    }
    memory_region_add_subregion(get_system_memory(), s->base, &s->sram);
}

static void soc_sram_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = soc_sram_realize;
}

static const TypeInfo soc_sram_info = {
    .name = TYPE_SOC_SRAM,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SocSramState),
    .class_init = soc_sram_class_init,
};

static void soc_sram_register_types(void)
{
    type_register_static(&soc_sram_info);
}

type_init(soc_sram_register_types)
