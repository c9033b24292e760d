/**
 * Editing a backbone before training: what parameter-efficient fine-tuning methods need beyond
 * choosing parameters. A {@link dev.graft.spi.train.TrainingHook} that {@linkplain
 * dev.graft.spi.train.TrainingHook#editsBackbone() edits the backbone} is given the backbone's
 * layers ({@link dev.graft.spi.edit.EditableLayer}) and may reparametrise a layer's weight (LoRA)
 * or insert a block after a layer (adapters), through {@link dev.graft.spi.edit.BackboneEdits}.
 */
package dev.graft.spi.edit;
