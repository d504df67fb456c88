/*
 * Sysbus IOMMU front end with an address space over its own translation
 * container.  Its only destroy is in instance_finalize, which can never run:
 * the address space references the device through its own root (a failed
 * realize is then a leak).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_IOMMUVIEW "iommuview"
OBJECT_DECLARE_SIMPLE_TYPE(IommuviewState, IOMMUVIEW)

struct IommuviewState {
    SysBusDevice parent_obj;

    MemoryRegion root;
    AddressSpace as;
};

static void iommuview_realize(DeviceState *dev, Error **errp)
{
    IommuviewState *s = IOMMUVIEW(dev);

    memory_region_init(&s->root, OBJECT(s), "iommuview-root", UINT64_MAX);
    address_space_init(&s->as, &s->root, "iommuview");
}

static void iommuview_finalize(Object *obj)
{
    IommuviewState *s = IOMMUVIEW(obj);

    // BUG: MR007 never runs
    address_space_destroy(&s->as);
}

static void iommuview_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = iommuview_realize;
}

static const TypeInfo iommuview_info = {
    .name          = TYPE_IOMMUVIEW,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(IommuviewState),
    .instance_finalize = iommuview_finalize,
    .class_init    = iommuview_class_init,
};

static void iommuview_register_types(void)
{
    type_register_static(&iommuview_info);
}

type_init(iommuview_register_types)
