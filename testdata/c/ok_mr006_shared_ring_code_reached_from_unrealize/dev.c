/*
 * A virtio backend built on the shared ring code: its unrealize stops the ring (set_running(false)),
 * which is never where the ring gets mapped.
 */
#include "qemu/osdep.h"
#include "hw/virtio/virtio.h"
#include "system/memory.h"
#include "ring.h"

typedef struct RingBlkState {
    VirtIODevice parent_obj;
    RingDev ring;
} RingBlkState;

OBJECT_DECLARE_SIMPLE_TYPE(RingBlkState, RING_BLK)
#define TYPE_RING_BLK "ring-blk"

static void ring_blk_set_status(VirtIODevice *vdev, uint8_t status)
{
    RingBlkState *s = RING_BLK(vdev);

    ring_dev_set_running(&s->ring, status & VIRTIO_CONFIG_S_DRIVER_OK);
}

static void ring_blk_realize(DeviceState *dev, Error **errp)
{
    RingBlkState *s = RING_BLK(dev);

    s->ring.dma_as = VIRTIO_DEVICE(dev)->dma_as;
}

static void ring_blk_unrealize(DeviceState *dev)
{
    ring_blk_set_status(VIRTIO_DEVICE(dev), 0);
}

static void ring_blk_class_init(ObjectClass *klass, const void *data)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    vdc->realize = ring_blk_realize;
    vdc->unrealize = ring_blk_unrealize;
    vdc->set_status = ring_blk_set_status;
}

static const TypeInfo ring_blk_info = {
    .name = TYPE_RING_BLK,
    .parent = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(RingBlkState),
    .class_init = ring_blk_class_init,
};

static void ring_blk_register_types(void)
{
    type_register_static(&ring_blk_info);
}

type_init(ring_blk_register_types)
