// OK: MR006 section kept in the state, released in instance_finalize
/*
 * virtio device that keeps the section of its shared window in its state
 * and drops the reference in instance_finalize.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/virtio/virtio.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_VSHMOK "vshmok"
OBJECT_DECLARE_SIMPLE_TYPE(VshmokState, VSHMOK)

struct VshmokState {
    VirtIODevice parent_obj;

    MemoryRegionSection shm;
    uint64_t shm_base;
};

static void vshmok_realize(DeviceState *dev, Error **errp)
{
    VshmokState *s = VSHMOK(dev);

    virtio_init(VIRTIO_DEVICE(dev), 43, 0);
    s->shm = memory_region_find(get_system_memory(), s->shm_base, 0x1000);
}

static void vshmok_unrealize(DeviceState *dev)
{
    virtio_cleanup(VIRTIO_DEVICE(dev));
}

static void vshmok_finalize(Object *obj)
{
    VshmokState *s = VSHMOK(obj);

    if (s->shm.mr) {
        memory_region_unref(s->shm.mr);
    }
}

static void vshmok_class_init(ObjectClass *klass, const void *data)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    vdc->realize = vshmok_realize;
    vdc->unrealize = vshmok_unrealize;
}

static const TypeInfo vshmok_info = {
    .name          = TYPE_VSHMOK,
    .parent        = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VshmokState),
    .instance_finalize = vshmok_finalize,
    .class_init    = vshmok_class_init,
};

static void vshmok_register_types(void)
{
    type_register_static(&vshmok_info);
}

type_init(vshmok_register_types)
