/*
 * Virtio device with a translated DMA space over its own root region.
 * unrealize tears down the virtqueues but forgets address_space_destroy:
 * the address space keeps the device alive after unplug.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/virtio/virtio.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_VDMA "vdma-device"
OBJECT_DECLARE_SIMPLE_TYPE(VdmaState, VDMA)

struct VdmaState {
    VirtIODevice parent_obj;

    MemoryRegion root;
    AddressSpace as;
    VirtQueue *vq;
};

static void vdma_handle_output(VirtIODevice *vdev, VirtQueue *vq)
{
}

static void vdma_device_realize(DeviceState *dev, Error **errp)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(dev);
    VdmaState *s = VDMA(dev);

    virtio_init(vdev, 0x2a, 8);
    s->vq = virtio_add_queue(vdev, 64, vdma_handle_output);

    memory_region_init(&s->root, OBJECT(s), "vdma-root", UINT64_MAX);
    // BUG: MR001
    address_space_init(&s->as, &s->root, "vdma-as");
}

static void vdma_device_unrealize(DeviceState *dev)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(dev);
    VdmaState *s = VDMA(dev);

    virtio_delete_queue(s->vq);
    virtio_cleanup(vdev);
}

static uint64_t vdma_get_features(VirtIODevice *vdev, uint64_t features,
                                  Error **errp)
{
    return features;
}

static void vdma_class_init(ObjectClass *klass, const void *data)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    vdc->realize = vdma_device_realize;
    vdc->unrealize = vdma_device_unrealize;
    vdc->get_features = vdma_get_features;
}

static const TypeInfo vdma_info = {
    .name          = TYPE_VDMA,
    .parent        = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VdmaState),
    .class_init    = vdma_class_init,
};

static void vdma_register_types(void)
{
    type_register_static(&vdma_info);
}

type_init(vdma_register_types)
