// OK: MR001 a bus-less TYPE_DEVICE cannot be unplugged even though dc->hotpluggable defaults to true, so an address space over its own region needs no destroy
#include "qemu/osdep.h"
#include "hw/qdev-core.h"

typedef struct FuseBankState {
    DeviceState parent_obj;
    MemoryRegion mmio;
    AddressSpace as;
    uint64_t size;
} FuseBankState;

OBJECT_DECLARE_SIMPLE_TYPE(FuseBankState, FUSE_BANK)
#define TYPE_FUSE_BANK "fuse-bank"

static const MemoryRegionOps fuse_bank_ops;

static void fuse_bank_realize(DeviceState *dev, Error **errp)
{
    FuseBankState *s = FUSE_BANK(dev);

    memory_region_init_io(&s->mmio, OBJECT(dev), &fuse_bank_ops, s, "fuse-bank", s->size);
    address_space_init(&s->as, &s->mmio, NULL);
}

static void fuse_bank_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = fuse_bank_realize;
}

static const TypeInfo fuse_bank_info = {
    .name = TYPE_FUSE_BANK,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(FuseBankState),
    .class_init = fuse_bank_class_init,
};

static void fuse_bank_register_types(void)
{
    type_register_static(&fuse_bank_info);
}

type_init(fuse_bank_register_types)
