/*
 * virtio device that locates its shared window in system memory at realize
 * and keeps the whole section in its state.  unrealize tears down the
 * queues but never drops the section's reference.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/virtio/virtio.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_VSHM "vshm"
OBJECT_DECLARE_SIMPLE_TYPE(VshmState, VSHM)

struct VshmState {
    VirtIODevice parent_obj;

    MemoryRegionSection shm;
    uint64_t shm_base;
    VirtQueue *vq;
};

static void vshm_handle(VirtIODevice *vdev, VirtQueue *vq)
{
}

static void vshm_realize(DeviceState *dev, Error **errp)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(dev);
    VshmState *s = VSHM(dev);

    virtio_init(vdev, 40, 0);
    // BUG: MR006 kept in
    s->shm = memory_region_find(get_system_memory(), s->shm_base, 0x1000);
    s->vq = virtio_add_queue(vdev, 64, vshm_handle);
}

static void vshm_unrealize(DeviceState *dev)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(dev);
    VshmState *s = VSHM(dev);

    virtio_delete_queue(s->vq);
    virtio_cleanup(vdev);
}

static void vshm_class_init(ObjectClass *klass, const void *data)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    vdc->realize = vshm_realize;
    vdc->unrealize = vshm_unrealize;
}

static const TypeInfo vshm_info = {
    .name          = TYPE_VSHM,
    .parent        = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VshmState),
    .class_init    = vshm_class_init,
};

static void vshm_register_types(void)
{
    type_register_static(&vshm_info);
}

type_init(vshm_register_types)
